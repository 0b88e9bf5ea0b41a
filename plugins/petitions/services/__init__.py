"""The write-side rules of petitions, one module per concern; import them from here."""
from plugins.petitions.services.lifecycle import (close, close_expired_petitions, create_petition,
                                                  delete_draft,
                                                  deliver, publish, record_answer, reject, submit,
                                                  update_petition, withdraw)
from plugins.petitions.services.promoters import accept, decline, invite
from plugins.petitions.services.retention import anonymise, anonymise_old_signatures
from plugins.petitions.services.signing import (AlreadySigned, change_signature, confirm,
                                                email_hash, purge_unconfirmed_signatures, sign,
                                                sign_by_email, withdraw_signature)
from plugins.petitions.services.updates import post_update

__all__ = [
    "AlreadySigned", "accept", "anonymise", "anonymise_old_signatures", "change_signature",
    "close", "close_expired_petitions", "confirm", "create_petition", "decline", "delete_draft", "deliver",
    "email_hash", "invite", "post_update", "publish", "purge_unconfirmed_signatures",
    "record_answer", "reject", "sign", "sign_by_email", "submit", "update_petition", "withdraw",
    "withdraw_signature",
]
