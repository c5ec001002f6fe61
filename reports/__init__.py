from . import it_asset_depreciation_xlsx
from . import it_asset_depreciation_reconciliation
from . import it_asset_audit_report
from . import it_asset_label_report
