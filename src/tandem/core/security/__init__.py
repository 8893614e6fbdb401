"""Sign-in security: lockout after failed attempts, required two-factor authentication for the
roles that see confidential material, idle and absolute session timeouts, and the log of every
sign-in, failure, lockout and sign-out (:class:`tandem.core.models.SecurityEvent` and the
``tandem.security`` logger)."""
