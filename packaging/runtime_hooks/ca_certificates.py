"""Frozen-app start-up: point the bundled OpenSSL at this system's CA certificates.

The bundle carries the build host's OpenSSL, which looks for CA certificates where the build
host keeps them (Debian: /usr/lib/ssl). Other systems keep them elsewhere, and without them
every HTTPS connection of the live token flow would fail to verify. So, unless the user set
SSL_CERT_FILE, it names the first system bundle that exists; Python's ``ssl`` reads it through
OpenSSL's default paths. Windows needs none of this: ``ssl`` loads the system store there.
"""

import os
import sys

SYSTEM_CA_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo, Alpine
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL, CentOS
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora, RHEL (newer path)
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # macOS, Alpine, OpenBSD
)

if sys.platform != "win32" and "SSL_CERT_FILE" not in os.environ:
    for bundle in SYSTEM_CA_BUNDLES:
        if os.path.isfile(bundle):
            os.environ["SSL_CERT_FILE"] = bundle
            break
