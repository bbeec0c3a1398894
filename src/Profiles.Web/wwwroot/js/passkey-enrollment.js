// Runs the browser's WebAuthn ceremony for a passkey enrolment: reads the creation options Auth0 gave (the form's
// data-options, JSON with base64url fields), asks the browser to create the passkey, and posts the attestation response back
// as JSON. A cancelled or unsupported ceremony shows its message in #passkey-error; nothing is posted. Auth0 checks the
// response; this script only carries it.
(() => {
    const form = document.getElementById('passkey-form');
    const start = document.getElementById('passkey-start');
    const error = document.getElementById('passkey-error');
    if (!form || !start || !error) {
        return;
    }

    const fromBase64Url = text => {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
        return Uint8Array.from(atob(base64), c => c.charCodeAt(0)).buffer;
    };
    const toBase64Url = buffer => btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const show = message => {
        error.textContent = message;
        error.hidden = false;
    };

    const creationOptions = json => {
        if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
            return PublicKeyCredential.parseCreationOptionsFromJSON(json);
        }

        return {
            ...json,
            challenge: fromBase64Url(json.challenge),
            user: { ...json.user, id: fromBase64Url(json.user.id) },
            excludeCredentials: (json.excludeCredentials || []).map(c => ({ ...c, id: fromBase64Url(c.id) })),
        };
    };

    const responseJson = credential => {
        if (typeof credential.toJSON === 'function') {
            return credential.toJSON();
        }

        return {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment,
            clientExtensionResults: credential.getClientExtensionResults(),
            response: {
                clientDataJSON: toBase64Url(credential.response.clientDataJSON),
                attestationObject: toBase64Url(credential.response.attestationObject),
                transports: typeof credential.response.getTransports === 'function' ? credential.response.getTransports() : [],
            },
        };
    };

    start.addEventListener('click', async () => {
        error.hidden = true;
        if (!window.PublicKeyCredential || !navigator.credentials) {
            show(error.dataset.unsupported);
            return;
        }

        try {
            const options = creationOptions(JSON.parse(form.dataset.options || '{}'));
            const credential = await navigator.credentials.create({ publicKey: options });
            if (!credential) {
                show(error.dataset.cancelled);
                return;
            }

            document.getElementById('passkey-attestation').value = JSON.stringify(responseJson(credential));
            form.submit();
        } catch (failure) {
            show(failure && (failure.name === 'NotSupportedError' || failure.name === 'SecurityError') ? error.dataset.unsupported : error.dataset.cancelled);
        }
    });
})();
