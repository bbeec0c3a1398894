using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Resilience;

namespace Profiles.Core.Tests.Resilience;

/// <summary>Retries over a real socket: the same request message, with its buffered body, is sent again by SocketsHttpHandler.</summary>
public sealed class RealHttpRetryTests
{
    [Fact]
    public async Task A_patch_is_resent_with_its_body_over_real_http()
    {
        var bodies = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapMethods("/api/v2/users/{id}", ["PATCH"], async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            bodies.Enqueue(context.Request.RouteValues["id"] + " " + context.Request.Headers.Authorization + " " + await reader.ReadToEndAsync());
            if (bodies.Count == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"user_id":"auth0|1","nickname":"chucky"}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var tokens = new Mock<IManagementTokenProvider>();
        tokens.Setup(provider => provider.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-1");
        var pipeline = new ManagementResiliencePipeline(Options.Create(new ManagementApiOptions()), TimeProvider.System, NullLogger<ManagementResiliencePipeline>.Instance);
        using var socketHandler = new SocketsHttpHandler();
        using var http = new HttpClient(new ResilienceHandler(pipeline.Build()) { InnerHandler = new ManagementTokenHandler(tokens.Object) { InnerHandler = socketHandler } })
        {
            BaseAddress = new Uri(address + "/api/v2/"),
        };

        var user = await new UsersClient(http, TimeProvider.System).UpdateAsync("auth0|1", new() { Nickname = "chucky" });

        Assert.Equal("chucky", user.Nickname);
        Assert.Equal(["auth0|1 Bearer token-1 {\"nickname\":\"chucky\"}", "auth0|1 Bearer token-1 {\"nickname\":\"chucky\"}"], bodies);
        await app.StopAsync();
    }
}
