using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Resilience;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>The production handler chain (the standard resilience handler with the portal's pipeline → token → stub) over a fake
/// clock, with a fixed jitter of 0.5.</summary>
public sealed class ManagementHarness : IDisposable
{
    public const double Jitter = 0.5;

    private readonly HttpClient _httpClient;

    public ManagementHarness(StubHandler stub, Action<ManagementApiOptions>? configure = null, IManagementTokenProvider? tokens = null)
    {
        Stub = stub;
        Options = new ManagementApiOptions { ClientId = "m2m", ClientSecret = "secret", Audience = "https://tenant.example/api/v2/" };
        configure?.Invoke(Options);
        if (tokens is null)
        {
            var mock = new Mock<IManagementTokenProvider>();
            mock.Setup(provider => provider.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-1");
            tokens = mock.Object;
        }

        Pipeline = new ManagementResiliencePipeline(Microsoft.Extensions.Options.Options.Create(Options), Time,
            NullLogger<ManagementResiliencePipeline>.Instance, () => Jitter);
        var tokenHandler = new ManagementTokenHandler(tokens) { InnerHandler = stub };
        var resilienceHandler = new ResilienceHandler(Pipeline.Build()) { InnerHandler = tokenHandler };
        _httpClient = new HttpClient(resilienceHandler) { BaseAddress = new Uri("https://tenant.example/api/v2/") };
        Users = new UsersClient(_httpClient, Time);
        Jobs = new JobsClient(_httpClient, Time);
    }

    public FakeTimeProvider Time { get; } = new(FakeClock.Start);

    public StubHandler Stub { get; }

    public ManagementApiOptions Options { get; }

    public ManagementResiliencePipeline Pipeline { get; }

    /// <summary>The handler chain as an <see cref="System.Net.Http.HttpClient"/>, for typed clients a test builds itself.</summary>
    public HttpClient HttpClient => _httpClient;

    public UsersClient Users { get; }

    public JobsClient Jobs { get; }

    public void Dispose() => _httpClient.Dispose();
}
