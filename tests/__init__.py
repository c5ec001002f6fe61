from . import test_lib_lifecycle
from . import test_asset_register
from . import test_asset_security
from . import test_asset_tour
from . import test_lib_depreciation
from . import test_lib_classification
from . import test_lib_reliability
