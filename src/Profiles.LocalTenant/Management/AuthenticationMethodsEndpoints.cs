using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OtpNet;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users/{id}/authentication-methods</c>: list (offset paging), get, create (auto-confirmed, no proof of possession, as
/// Auth0 does), replace all, rename, delete one or all.</summary>
internal static class AuthenticationMethodsEndpoints
{
    private const string Path = "/users/{id}/authentication-methods";
    private const string MethodPath = Path + "/{methodId}";
    private const string NotFoundMessage = "The authentication method could not be found.";
    private const string PasskeyMessage = "Operation not permitted when the user has registered at least 1 passkey";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Path, List).RequireScopes("read:authentication_methods");
        api.MapGet(MethodPath, Get).RequireScopes("read:authentication_methods");
        api.MapPost(Path, CreateAsync).RequireScopes("create:authentication_methods");
        api.MapPut(Path, ReplaceAsync).RequireScopes("update:authentication_methods");
        api.MapPatch(MethodPath, UpdateAsync).RequireScopes("update:authentication_methods");
        api.MapDelete(MethodPath, Delete).RequireScopes("delete:authentication_methods");
        api.MapDelete(Path, DeleteAll).RequireScopes("delete:authentication_methods");
    }

    private static IResult List(string id, HttpRequest request, TenantStore store)
    {
        var page = Number(request, "page", 0, int.MaxValue, 0);
        var perPage = Number(request, "per_page", 0, 100, 50);
        var all = store.Read(d => d.FindUser(id) is null ? null : MethodEnrollment.Methods(d, id).Select(AuthenticationMethodJson.Method).ToList())
            ?? throw ManagementProblem.UserNotFound();
        var items = all.Skip(page * perPage).Take(perPage).Select(j => (JsonNode)j).ToArray();
        if (!string.Equals(request.Query["include_totals"].ToString(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ManagementResults.Json(new JsonArray(items));
        }

        // Auth0 was recorded leaving total out of an empty page.
        var body = new JsonObject { ["authenticators"] = new JsonArray(items), ["start"] = page * perPage, ["limit"] = perPage };
        if (all.Count > 0)
        {
            body["total"] = all.Count;
        }

        return ManagementResults.Json(body);
    }

    private static IResult Get(string id, string methodId, TenantStore store)
        => ManagementResults.Json(store.Read(d => AuthenticationMethodJson.Method(Find(d, id, methodId))));

    private static async Task<IResult> CreateAsync(string id, HttpContext context, TenantStore store, TimeProvider time)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var method = Parse(body, id, time.GetUtcNow());
        store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                throw ManagementProblem.UserNotFound();
            }

            var existing = MethodEnrollment.Methods(w, id).ToList();
            if (existing.Any(m => m.Type == method.Type && (m.Type == AuthenticationMethodTypes.Totp || (m.Email ?? m.PhoneNumber) == (method.Email ?? method.PhoneNumber))))
            {
                throw new ManagementProblem(StatusCodes.Status409Conflict, "Authentication method already exists.", "authentication_method_conflict");
            }

            w.Save(method);
        });
        var created = AuthenticationMethodJson.Method(method);
        created.Remove("confirmed");
        created.Remove("enrolled_at");
        return ManagementResults.Created(created);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, TenantStore store, TimeProvider time)
    {
        JsonArray items;
        try
        {
            items = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)) as JsonArray
                ?? throw ManagementProblem.Payload("Expected type array but found type object");
        }
        catch (JsonException)
        {
            throw ManagementProblem.InvalidBody("Invalid request payload JSON format");
        }

        var now = time.GetUtcNow();
        var methods = items.Select(item => item as JsonObject ?? throw ManagementProblem.Payload("Expected type object")).Select(o => Parse(o, id, now)).ToList();
        if (methods.Any(m => m.Type is not (AuthenticationMethodTypes.Totp or AuthenticationMethodTypes.Email or AuthenticationMethodTypes.Phone)))
        {
            throw ManagementProblem.Property("No enum match for the type", "type");
        }

        store.Write(w =>
        {
            RemoveAll(w, id);
            foreach (var method in methods)
            {
                w.Save(method);
            }
        });
        return ManagementResults.Json(new JsonArray([.. methods.Select(m => (JsonNode)AuthenticationMethodJson.Method(m))]));
    }

    private static async Task<IResult> UpdateAsync(string id, string methodId, HttpContext context, TenantStore store)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "name", "preferred_authentication_method");
        var name = ManagementBody.OptionalString(body, "name");
        var preferred = ManagementBody.OptionalString(body, "preferred_authentication_method");
        if (name is { Length: 0 or > 20 })
        {
            throw ManagementProblem.Property("String is too long (maximum 20 characters) or empty", "name");
        }

        if (preferred is not (null or "sms" or "voice"))
        {
            throw ManagementProblem.Property("No enum match for: " + preferred, "preferred_authentication_method");
        }

        return ManagementResults.Json(store.Write(w =>
        {
            var method = Find(w, id, methodId);
            method.Name = name ?? method.Name;
            method.PreferredAuthenticationMethod = preferred ?? method.PreferredAuthenticationMethod;
            w.Save(method);
            // The document's PATCH answer is the write shape: no status or enrolment date.
            var json = AuthenticationMethodJson.Method(method);
            json.Remove("confirmed");
            json.Remove("enrolled_at");
            return json;
        }));
    }

    private static IResult Delete(string id, string methodId, TenantStore store)
    {
        store.Write(w => w.Remove<TenantAuthenticationMethod>(Find(w, id, methodId).Id));
        return ManagementResults.NoContent();
    }

    private static IResult DeleteAll(string id, TenantStore store)
    {
        store.Write(w => RemoveAll(w, id));
        return ManagementResults.NoContent();
    }

    /// <summary>Removes every method of the user; refused, as Auth0 refuses it, while the user has a passkey.</summary>
    private static void RemoveAll(TenantWriter writer, string userId)
    {
        if (writer.FindUser(userId) is null)
        {
            throw ManagementProblem.UserNotFound();
        }

        var methods = MethodEnrollment.Methods(writer, userId).ToList();
        if (methods.Any(m => m.Type == AuthenticationMethodTypes.Passkey))
        {
            throw new ManagementProblem(StatusCodes.Status403Forbidden, PasskeyMessage, "operation_not_permitted");
        }

        foreach (var method in methods)
        {
            writer.Remove<TenantAuthenticationMethod>(method.Id);
        }
    }

    private static TenantAuthenticationMethod Find(TenantData data, string userId, string methodId)
    {
        if (data.FindUser(userId) is null)
        {
            throw ManagementProblem.UserNotFound();
        }

        var method = data.Find<TenantAuthenticationMethod>(methodId);
        return method is not null && method.UserId == userId
            ? method
            : throw new ManagementProblem(StatusCodes.Status404NotFound, NotFoundMessage, "inexistent_authentication_method");
    }

    /// <summary>A method from a POST or PUT item: <c>totp</c> (with its base32 <c>totp_secret</c>), <c>email</c> or <c>phone</c>.</summary>
    private static TenantAuthenticationMethod Parse(JsonObject body, string userId, DateTimeOffset now)
    {
        ManagementBody.AllowOnly(body, "type", "name", "totp_secret", "phone_number", "email", "preferred_authentication_method", "key_id", "public_key",
            "relying_party_identifier");
        var type = ManagementBody.OptionalString(body, "type") ?? throw ManagementProblem.Payload("Missing required property: type");
        var name = ManagementBody.OptionalString(body, "name");
        if (name is { Length: 0 or > 20 })
        {
            throw ManagementProblem.Property("String is too long (maximum 20 characters) or empty", "name");
        }

        var method = new TenantAuthenticationMethod { Id = AuthenticationMethodTypes.NewId(type), UserId = userId, Type = type, Name = name, CreatedAt = now };
        switch (type)
        {
            case AuthenticationMethodTypes.Totp:
                var secret = ManagementBody.OptionalString(body, "totp_secret") ?? throw ManagementProblem.Payload("Missing required property: totp_secret");
                method.TotpSecret = ValidSecret(secret);
                break;
            case AuthenticationMethodTypes.Email:
                var email = ManagementBody.OptionalString(body, "email");
                method.Email = email is not null && email.Contains('@', StringComparison.Ordinal)
                    ? email
                    : throw ManagementProblem.Property("Object didn't pass validation for format email: " + email, "email");
                break;
            case AuthenticationMethodTypes.Phone:
                var phone = ManagementBody.OptionalString(body, "phone_number");
                var preferred = ManagementBody.OptionalString(body, "preferred_authentication_method") ?? "sms";
                method.PhoneNumber = phone is { Length: >= 2 and <= 30 } && phone.StartsWith('+')
                    ? phone
                    : throw ManagementProblem.Property("Invalid phone number", "phone_number");
                method.PreferredAuthenticationMethod = preferred is "sms" or "voice"
                    ? preferred
                    : throw ManagementProblem.Property("No enum match for: " + preferred, "preferred_authentication_method");
                break;
            default:
                // webauthn-roaming and passkey need a verified attestation here: the local tenant takes passkeys only through a ceremony.
                throw ManagementProblem.Property("No enum match for: " + type, "type");
        }

        return method;
    }

    private static string ValidSecret(string secret)
    {
        try
        {
            return Base32Encoding.ToBytes(secret).Length >= 10 ? secret.ToUpperInvariant() : throw ManagementProblem.Property("totp_secret is too short", "totp_secret");
        }
        catch (ArgumentException)
        {
            throw ManagementProblem.Property("totp_secret must be base32", "totp_secret");
        }
    }

    private static int Number(HttpRequest request, string name, int min, int max, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ManagementProblem(StatusCodes.Status400BadRequest, $"Query validation error: 'Invalid value for {name}'.", "invalid_query_string");
    }
}
