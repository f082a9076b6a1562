"""Imports every area's models so ``Base.metadata`` knows the whole schema
(Alembic autogenerate and the models-agree-with-migrations test need this)."""
from nutriplat.auth import models as auth_models  # noqa: F401
from nutriplat.billing import models as billing_models  # noqa: F401
from nutriplat.careteam import models as careteam_models  # noqa: F401
from nutriplat.catalogue import models as catalogue_models  # noqa: F401
from nutriplat.clients import models as clients_models  # noqa: F401
from nutriplat.coaching import models as coaching_models  # noqa: F401
from nutriplat.content import models as content_models  # noqa: F401
from nutriplat.db import Base
from nutriplat.delivery import models as delivery_models  # noqa: F401
from nutriplat.equipment import models as equipment_models  # noqa: F401
from nutriplat.facilities import models as facilities_models  # noqa: F401
from nutriplat.handovers import models as handovers_models  # noqa: F401
from nutriplat.indicators import models as indicators_models  # noqa: F401
from nutriplat.inventory import models as inventory_models  # noqa: F401
from nutriplat.jobs import models as jobs_models  # noqa: F401
from nutriplat.mealplans import models as mealplans_models  # noqa: F401
from nutriplat.monitoring import models as monitoring_models  # noqa: F401
from nutriplat.notifications import models as notifications_models  # noqa: F401
from nutriplat.portal import models as portal_models  # noqa: F401
from nutriplat.referrals import models as referrals_models  # noqa: F401
from nutriplat.screening import models as screening_models  # noqa: F401
from nutriplat.screening.rescreening import models as rescreening_models  # noqa: F401

metadata = Base.metadata
