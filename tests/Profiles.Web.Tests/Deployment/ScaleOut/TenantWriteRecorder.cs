using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>The tenant's side of every profile save: the <c>name</c> each <c>PATCH /api/v2/users/{id}</c> carried and the status
/// the tenant answered, recorded in front of the tenant's own pipeline (rate limits included). A save the portal reported as
/// done must be here with a 2xx; the request log alone has no bodies.</summary>
public sealed class TenantWriteRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<TenantWrite> _writes = new();

    public IReadOnlyList<TenantWrite> Writes => [.. _writes];

    public void Clear() => _writes.Clear();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPatch(request.Method) || !request.Path.StartsWithSegments("/api/v2/users", StringComparison.Ordinal))
            {
                await proceed(context);
                return;
            }

            request.EnableBuffering();
            string? name = null;
            using (var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted))
            {
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("name", out var value))
                {
                    name = value.GetString();
                }
            }

            request.Body.Position = 0;
            await proceed(context);
            _writes.Enqueue(new TenantWrite(request.Path.Value!, name, context.Response.StatusCode));
        });
        next(app);
    };
}
