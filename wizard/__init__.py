from . import it_asset_classification_test
