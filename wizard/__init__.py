from . import it_asset_post_depreciation
from . import it_asset_capitalise
from . import it_asset_checkout
from . import it_asset_checkin
from . import it_asset_dispose
from . import it_asset_revalue
from . import it_asset_classification_test
from . import it_asset_problem_report
