from . import it_asset_category
from . import it_asset
