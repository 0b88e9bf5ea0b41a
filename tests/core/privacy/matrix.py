"""The privacy matrix: which kind of viewer may see content of each audience."""
from core.privacy.audiences import Audience

VIEWERS = ["owner", "circle", "community", "stranger", "moderator", "anonymous"]

# audience -> the viewers who may see a note of that audience
ALLOWED = {
    Audience.PRIVATE: {"owner"},
    Audience.CIRCLE: {"owner", "circle"},
    Audience.COMMUNITY: {"owner", "community"},
    Audience.MEMBERS: {"owner", "circle", "community", "stranger", "moderator"},
    Audience.PUBLIC: {"owner", "circle", "community", "stranger", "moderator", "anonymous"},
}
