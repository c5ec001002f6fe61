from . import it_asset_category
from . import it_asset
from . import it_asset_category_accounting
