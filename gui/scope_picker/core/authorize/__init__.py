"""Build and check a Spotify authorization URL for the Authorization Code flow with PKCE.

Spotify removed the implicit grant in November 2025 and, for apps created since April 2025,
enforces stricter redirect URIs: HTTPS except for loopback IP literals, no ``localhost``. This
package checks a Client ID (``client_id``) and a redirect URI (``redirect_uri``) against those
rules, explaining each problem (``findings``) and deriving a corrected URI where it can, makes
PKCE's verifier and challenge (``pkce``), and builds the ``/authorize`` URL and a copy-paste
token request (``request``). It works offline and never needs a client secret. Everything here
is pure Python, so it is tested without a display. This module only names the public parts.
"""

from scope_picker.core.authorize.client_id import CLIENT_ID_LENGTH, check_client_id
from scope_picker.core.authorize.findings import CheckResult, Finding, Severity, format_findings
from scope_picker.core.authorize.pkce import (
    CODE_VERIFIER_MAX_LENGTH,
    CODE_VERIFIER_MIN_LENGTH,
    code_challenge,
    is_valid_code_verifier,
    new_code_verifier,
    new_state,
)
from scope_picker.core.authorize.redirect_uri import check_redirect_uri
from scope_picker.core.authorize.request import (
    AUTHORIZE_ENDPOINT,
    CODE_PLACEHOLDER,
    NO_SCOPES_NOTE,
    NO_STATE_NOTE,
    TOKEN_ENDPOINT,
    AuthorizationDraft,
    AuthorizationRequest,
    authorization_url,
    draft_authorization,
    token_request_example,
)

__all__ = [
    "AUTHORIZE_ENDPOINT",
    "CLIENT_ID_LENGTH",
    "CODE_PLACEHOLDER",
    "CODE_VERIFIER_MAX_LENGTH",
    "CODE_VERIFIER_MIN_LENGTH",
    "NO_SCOPES_NOTE",
    "NO_STATE_NOTE",
    "TOKEN_ENDPOINT",
    "AuthorizationDraft",
    "AuthorizationRequest",
    "CheckResult",
    "Finding",
    "Severity",
    "authorization_url",
    "check_client_id",
    "check_redirect_uri",
    "code_challenge",
    "draft_authorization",
    "format_findings",
    "is_valid_code_verifier",
    "new_code_verifier",
    "new_state",
    "token_request_example",
]
