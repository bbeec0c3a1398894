using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/jobs/verification-email</c> and <c>/jobs/{id}</c>.</summary>
internal static class JobsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/jobs/verification-email", SendVerificationEmailAsync).RequireScopes("update:users");
        api.MapGet("/jobs/{id}", GetJob).RequireScopes("create:users", "read:users");
    }

    private static async Task<IResult> SendVerificationEmailAsync(HttpContext context, TenantStore store, TicketIssuer tickets, TimeProvider time)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "user_id", "client_id", "identity", "organization_id");
        var clientId = ManagementBody.OptionalString(body, "client_id");
        var (target, job) = store.Write(w =>
        {
            if (clientId is not null && w.FindClient(clientId) is null)
            {
                throw new ManagementProblem(StatusCodes.Status404NotFound, "The client does not exist", "inexistent_client");
            }

            var target = VerificationTarget.Resolve(w, body);
            var job = new TenantJob
            {
                Id = TenantIds.Prefixed("job_"),
                Type = "verification_email",
                CreatedAt = time.GetUtcNow(),
                UserId = target.UserId,
            };
            w.Save(job);
            return (target, Write(job));
        });

        // Auth0 answers while the job is still pending; here the email is sent at once, so the job is then completed.
        tickets.SendVerificationEmail(target.UserId, target.Connection, target.Email, clientId);
        store.Write(w =>
        {
            if (w.Find<TenantJob>(job["id"]!.GetValue<string>()) is { } saved)
            {
                saved.Status = "completed";
                w.Save(saved);
            }
        });
        return ManagementResults.Created(job);
    }

    private static IResult GetJob(string id, TenantStore store)
    {
        var job = store.Read(d => d.Find<TenantJob>(id) is { } found ? Write(found) : null);
        return job is null
            ? ManagementErrors.Error(StatusCodes.Status404NotFound, "The job does not exist", "inexistent_job")
            : ManagementResults.Json(job);
    }

    private static JsonObject Write(TenantJob job) => new()
    {
        ["type"] = job.Type,
        ["status"] = job.Status,
        ["created_at"] = UserJson.Timestamp(job.CreatedAt),
        ["id"] = job.Id,
    };
}
