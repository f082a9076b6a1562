"""Imports every area's models so ``Base.metadata`` knows the whole schema
(Alembic autogenerate and the models-agree-with-migrations test need this)."""
from nutriplat.auth import models as auth_models  # noqa: F401
from nutriplat.clients import models as clients_models  # noqa: F401
from nutriplat.screening import models as screening_models  # noqa: F401
from nutriplat.db import Base

metadata = Base.metadata
