from . import it_asset_checkout
from . import it_asset_checkin
from . import it_asset_classification_test
