namespace Profiles.LocalTenant.Login;

/// <summary><c>/login/webauthn.js</c>: the one script of the tenant's pages (no inline script; the policy allows only this file). A
/// button with <c>data-passkey-options</c> (WebAuthn request options as JSON) calls <c>navigator.credentials.get</c>; the answer goes
/// back as JSON in its form's <c>credential</c> field.</summary>
public static class WebAuthnScript
{
    public const string Path = "/login/webauthn.js";

    public const string Source = """
        "use strict";
        (function () {
          function toBytes(value) {
            var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
            var text = atob(base64 + "===".slice((base64.length + 3) % 4));
            return Uint8Array.from(text, function (c) { return c.charCodeAt(0); });
          }
          function toText(buffer) {
            var bytes = new Uint8Array(buffer), text = "";
            for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
            return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          }
          document.querySelectorAll("button[data-passkey-options]").forEach(function (button) {
            var form = button.form;
            var status = form.querySelector("[data-passkey-status]");
            if (!window.PublicKeyCredential) { button.disabled = true; return; }
            button.addEventListener("click", function () {
              var options = JSON.parse(button.getAttribute("data-passkey-options"));
              options.challenge = toBytes(options.challenge);
              (options.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
              button.disabled = true;
              navigator.credentials.get({ publicKey: options }).then(function (credential) {
                form.elements.credential.value = JSON.stringify({
                  id: credential.id,
                  rawId: toText(credential.rawId),
                  type: credential.type,
                  response: {
                    authenticatorData: toText(credential.response.authenticatorData),
                    clientDataJSON: toText(credential.response.clientDataJSON),
                    signature: toText(credential.response.signature),
                    userHandle: credential.response.userHandle ? toText(credential.response.userHandle) : null
                  },
                  clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
                });
                form.submit();
              }).catch(function () {
                button.disabled = false;
                if (status) { status.hidden = false; button.focus(); }
              });
            });
          });
        })();
        """;
}
