using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Profiles;

/// <summary>A <see cref="ProfileService"/> over a mocked <see cref="IUsersClient"/> and the real (in-memory) profile cache.</summary>
public sealed class ProfileServiceHarness : IDisposable
{
    public const string UserId = Fixtures.DatabaseUserId;

    private readonly TestCaches _caches = new();

    public ProfileServiceHarness(string userJson, PreferencesOptions? preferences = null, ProfileOptions? profileOptions = null)
    {
        Users.Setup(users => users.GetAsync(UserId, null, It.IsAny<CancellationToken>())).ReturnsAsync(() => Parse(userJson));
        Users.Setup(users => users.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, UserUpdateRequest request, CancellationToken _) =>
            {
                Sent.Add(Serialize(request));
                SentRequests.Add(request);
                return Apply(Parse(userJson), request);
            });
        Service = new ProfileService(Users.Object, _caches.Profiles(), Options.Create(new ManagementApiOptions()), Options.Create(profileOptions ?? new ProfileOptions()),
            Options.Create(preferences ?? new PreferencesOptions()), new PreferenceValidator(), Time, NullLogger<ProfileService>.Instance);
    }

    public Mock<IUsersClient> Users { get; } = new(MockBehavior.Strict);

    public FakeTimeProvider Time { get; } = new(FakeClock.Start);

    public ProfileService Service { get; }

    /// <summary>The profile cache over the same memory cache as <see cref="Service"/>.</summary>
    public ProfileCache Cache => _caches.Profiles();

    /// <summary>PATCH bodies as JSON, in order.</summary>
    public List<string> Sent { get; } = [];

    public List<UserUpdateRequest> SentRequests { get; } = [];

    public void Dispose() => _caches.Dispose();

    public static Auth0User Parse(string json) => JsonSerializer.Deserialize(json, ManagementJsonContext.Default.Auth0User)!;

    private static string Serialize(UserUpdateRequest request) => JsonSerializer.Serialize(request, ManagementJsonContext.Default.UserUpdateRequest);

    /// <summary>What Auth0 would answer: root fields replaced, user_metadata merged at the first level.</summary>
    private static Auth0User Apply(Auth0User user, UserUpdateRequest request)
    {
        var keys = request.AssignedKeys.ToHashSet();
        if (keys.Contains("name")) { user.Name = request.Name; }
        if (keys.Contains("nickname")) { user.Nickname = request.Nickname; }
        if (keys.Contains("given_name")) { user.GivenName = request.GivenName; }
        if (keys.Contains("family_name")) { user.FamilyName = request.FamilyName; }
        if (keys.Contains("picture")) { user.Picture = request.Picture; }
        if (request.UserMetadata is { } patch)
        {
            user.UserMetadata ??= [];
            foreach (var (key, value) in patch)
            {
                if (value is null)
                {
                    user.UserMetadata.Remove(key);
                }
                else
                {
                    user.UserMetadata[key] = value.DeepClone();
                }
            }
        }

        return user;
    }
}
