using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.MyAccount;

/// <summary><c>/me/v1/authentication-methods</c> (list, get, start, verify, rename, delete) and <c>/me/v1/factors</c>.</summary>
internal static class MyAccountEndpoints
{
    private const string MethodPath = "/authentication-methods/{id}";

    /// <summary>The factors a user of this tenant can have: password and passkey sign a user in, the others are second factors.</summary>
    private static readonly (string Type, string Usage)[] Factors =
        [("password", "primary"), (AuthenticationMethodTypes.Passkey, "primary"), (AuthenticationMethodTypes.Totp, "secondary"),
        (AuthenticationMethodTypes.Phone, "secondary"), (AuthenticationMethodTypes.Email, "secondary"), (AuthenticationMethodTypes.RecoveryCode, "secondary")];

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/authentication-methods", List).RequireMyAccountScope(MyAccountScopes.Read);
        me.MapPost("/authentication-methods", StartAsync).RequireMyAccountScope(MyAccountScopes.Create);
        me.MapGet(MethodPath, Get).RequireMyAccountScope(MyAccountScopes.Read);
        me.MapPatch(MethodPath, PatchAsync).RequireMyAccountScope(MyAccountScopes.Update);
        me.MapDelete(MethodPath, Delete).RequireMyAccountScope(MyAccountScopes.Delete);
        me.MapPost(MethodPath + "/verify", VerifyAsync).RequireMyAccountScope(MyAccountScopes.Create);
        me.MapGet("/factors", () => Json(new JsonObject
        {
            ["factors"] = new JsonArray([.. Factors.Select(f => (JsonNode)new JsonObject { ["type"] = f.Type, ["usage"] = new JsonArray(f.Usage) })]),
        })).RequireMyAccountScope(MyAccountScopes.ReadFactors);
    }

    private static IResult List(HttpContext context, TenantStore store, string? type)
    {
        if (type is not null && !Factors.Any(f => f.Type == type) && type is not ("webauthn-platform" or "webauthn-roaming" or "push-notification"))
        {
            return MyAccountErrors.Validation("type", "must be one of the factor types");
        }

        var userId = MyAccountCaller.Of(context).UserId;
        var methods = store.Read(d => AllMethods(d, userId));
        return Json(new JsonObject
        {
            ["authentication_methods"] = new JsonArray([.. methods.Where(m => type is null || m["type"]!.GetValue<string>() == type)]),
        });
    }

    private static IResult Get(HttpContext context, TenantStore store, string id)
    {
        var userId = MyAccountCaller.Of(context).UserId;
        var method = store.Read(d => AllMethods(d, userId).FirstOrDefault(m => m["id"]!.GetValue<string>() == id));
        return method is null ? MyAccountErrors.NotFound() : Json(method);
    }

    private static async Task<IResult> StartAsync(HttpContext context, MethodEnrollment enrollment, TenantUrls urls)
    {
        var body = await MyAccountBody.ReadAsync(context.Request);
        var type = body.Text("type", required: true);
        var (started, failure) = type switch
        {
            AuthenticationMethodTypes.Totp or AuthenticationMethodTypes.RecoveryCode when body.AllowOnly("type")
                => enrollment.Start(MyAccountCaller.Of(context).UserId, type),
            AuthenticationMethodTypes.Email when body.AllowOnly("type", "email") && body.Text("email", required: true) is { } email
                => enrollment.Start(MyAccountCaller.Of(context).UserId, type, email: email),
            AuthenticationMethodTypes.Passkey when body.AllowOnly("type", "connection", "identity_user_id", "use_exclude_credentials")
                && body.Text("connection") is var connection && body.Failure is null
                => enrollment.StartPasskey(MyAccountCaller.Of(context).UserId, connection ?? "Username-Password-Authentication", body.Text("identity_user_id")),
            AuthenticationMethodTypes.Phone when body.AllowOnly("type", "phone_number", "preferred_authentication_method")
                && body.Text("phone_number", required: true) is { } phone
                => enrollment.Start(MyAccountCaller.Of(context).UserId, type, phoneNumber: phone, preferred: body.Text("preferred_authentication_method")),
            _ => (null, EnrollmentFailure.None),
        };
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        if (started is null)
        {
            return failure switch
            {
                EnrollmentFailure.AlreadyEnrolled => MyAccountErrors.BadRequest("An authentication method of this type is already enrolled."),
                EnrollmentFailure.InvalidField => MyAccountErrors.Validation(type switch
                {
                    AuthenticationMethodTypes.Email => "email",
                    AuthenticationMethodTypes.Passkey => "connection",
                    _ => "phone_number",
                }, "is not valid"),
                _ => MyAccountErrors.Validation("type", "must be an enrollable factor: totp, phone, email or recovery-code"),
            };
        }

        // A passkey enrolment has no id yet: the Location names passkey|new.
        var answer = started.PasskeyOptions is not null
            ? new JsonObject { ["auth_session"] = started.Pending.AuthSession, ["authn_params_public_key"] = started.PasskeyOptions }
            : new JsonObject { ["id"] = started.Pending.MethodId, ["auth_session"] = started.Pending.AuthSession };
        if (started.BarcodeUri is not null)
        {
            answer["barcode_uri"] = started.BarcodeUri;
            answer["manual_input_code"] = started.ManualInputCode;
        }

        if (started.RecoveryCode is not null)
        {
            answer["recovery_code"] = started.RecoveryCode;
        }

        context.Response.Headers.Location = Location(urls, started.Pending.MethodId);
        return Json(answer, StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, MethodEnrollment enrollment, TenantUrls urls, string id)
    {
        var body = await MyAccountBody.ReadAsync(context.Request);
        if (id == MethodEnrollment.NewPasskeyId)
        {
            return await VerifyPasskeyAsync(context, enrollment, urls, body);
        }

        var needsCode = !id.StartsWith(AuthenticationMethodTypes.RecoveryCode + "|", StringComparison.Ordinal);
        var allowed = needsCode ? body.AllowOnly("auth_session", "otp_code") : body.AllowOnly("auth_session");
        var session = body.Text("auth_session", required: true);
        var code = needsCode ? body.Text("otp_code", required: true) : null;
        if (!allowed || body.Failure is not null)
        {
            return body.Failure!;
        }

        var (method, failure) = enrollment.Verify(MyAccountCaller.Of(context).UserId, id, session, code);
        if (method is null)
        {
            return failure switch
            {
                EnrollmentFailure.InvalidCode => MyAccountErrors.BadRequest("The one-time code is invalid."),
                EnrollmentFailure.AlreadyEnrolled => MyAccountErrors.BadRequest("An authentication method of this type is already enrolled."),
                _ => MyAccountErrors.BadRequest("The auth_session is invalid or has expired."),
            };
        }

        context.Response.Headers.Location = Location(urls, method.Id);
        return Json(MyAccountJson.Method(method), StatusCodes.Status201Created);
    }

    private static async Task<IResult> VerifyPasskeyAsync(HttpContext context, MethodEnrollment enrollment, TenantUrls urls, MyAccountBody body)
    {
        body.AllowOnly("auth_session", "authn_response");
        var session = body.Text("auth_session", required: true);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        if (body.Json["authn_response"] is not JsonObject response)
        {
            return MyAccountErrors.Validation("authn_response", "is required");
        }

        var (method, failure) = await enrollment.VerifyPasskeyAsync(MyAccountCaller.Of(context).UserId, session, response,
            context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null, context.RequestAborted);
        if (method is null)
        {
            return MyAccountErrors.BadRequest(failure == EnrollmentFailure.InvalidCode
                ? "The passkey attestation could not be verified."
                : "The auth_session is invalid or has expired.");
        }

        context.Response.Headers.Location = Location(urls, method.Id);
        return Json(MyAccountJson.Method(method), StatusCodes.Status201Created);
    }

    private static async Task<IResult> PatchAsync(HttpContext context, TenantStore store, string id)
    {
        var body = await MyAccountBody.ReadAsync(context.Request);
        body.AllowOnly("name", "preferred_authentication_method");
        var name = body.Text("name");
        var preferred = body.Text("preferred_authentication_method");
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        if (name is not null && name.Trim().Length is 0 or > 20)
        {
            return MyAccountErrors.Validation("name", "must be 1 to 20 characters");
        }

        if (preferred is not (null or "sms" or "voice"))
        {
            return MyAccountErrors.Validation("preferred_authentication_method", "must be one of: sms, voice");
        }

        var userId = MyAccountCaller.Of(context).UserId;
        var (updated, notPhone) = store.Write<(JsonObject? Json, bool NotPhone)>(w =>
        {
            var method = w.Find<TenantAuthenticationMethod>(id);
            if (method is null || method.UserId != userId)
            {
                return (null, false);
            }

            if (preferred is not null && method.Type != AuthenticationMethodTypes.Phone)
            {
                return (null, true);
            }

            method.Name = name?.Trim() ?? method.Name;
            method.PreferredAuthenticationMethod = preferred ?? method.PreferredAuthenticationMethod;
            w.Save(method);
            return (MyAccountJson.Method(method), false);
        });
        return updated is not null ? Json(updated)
            : notPhone ? MyAccountErrors.Validation("preferred_authentication_method", "applies to phone methods only")
            : MyAccountErrors.NotFound();
    }

    private static IResult Delete(HttpContext context, TenantStore store, string id)
    {
        var userId = MyAccountCaller.Of(context).UserId;
        var outcome = store.Write(w =>
        {
            var user = w.FindUser(userId);
            if (user is not null && user.Identities.Any(i => i.PasswordHash is not null && MyAccountJson.PasswordId(i) == id))
            {
                return StatusCodes.Status409Conflict;
            }

            if (w.Find<TenantAuthenticationMethod>(id) is not { } method || method.UserId != userId)
            {
                return StatusCodes.Status404NotFound;
            }

            w.Remove<TenantAuthenticationMethod>(id);
            return StatusCodes.Status204NoContent;
        });
        return outcome switch
        {
            StatusCodes.Status204NoContent => Results.NoContent(),
            StatusCodes.Status409Conflict => MyAccountErrors.Conflict("The password is the account's only way to sign in and cannot be removed here."),
            _ => MyAccountErrors.NotFound(),
        };
    }

    /// <summary>The user's passwords (one per database identity) and confirmed methods, in the API's shape.</summary>
    private static List<JsonObject> AllMethods(TenantData data, string userId)
    {
        var user = data.FindUser(userId);
        if (user is null)
        {
            return [];
        }

        return [.. user.Identities.Where(i => i.PasswordHash is not null).Select(i => MyAccountJson.Password(user, i)),
            .. MethodEnrollment.Methods(data, userId).Where(m => m.Confirmed).Select(MyAccountJson.Method)];
    }

    private static string Location(TenantUrls urls, string methodId) => urls.MyAccountAudience + "v1/authentication-methods/" + Uri.EscapeDataString(methodId);

    private static IResult Json(JsonNode body, int status = StatusCodes.Status200OK)
        => Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}
