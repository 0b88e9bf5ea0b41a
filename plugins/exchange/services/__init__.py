"""The exchange's rules: listings (safety, photos, expiry) and the request flow."""
from plugins.exchange.services.conversation import post_message, report_conversation, thank
from plugins.exchange.services.flow import (accept, cancel, decline, hand_over, receive,
                                            return_item, send_request)
from plugins.exchange.services.listings import (add_photo, create_listing, expire_due, renew,
                                                update_listing, withdraw)
from plugins.exchange.services.loans import remind_due_returns

__all__ = ["accept", "add_photo", "cancel", "create_listing", "decline", "expire_due",
           "hand_over", "post_message", "receive", "remind_due_returns", "renew",
           "report_conversation", "return_item", "send_request", "thank", "update_listing",
           "withdraw"]
