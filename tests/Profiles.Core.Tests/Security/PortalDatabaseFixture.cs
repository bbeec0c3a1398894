using Profiles.Core.Activity;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Security;

/// <summary>A migrated portal database (on the given provider) and a fake clock; <see cref="NewInstance"/> builds the services a fresh portal
/// process would (new key cache, new throttle), so tests can check what survives a restart.</summary>
public sealed class PortalDatabaseFixture : IDisposable
{
    public PortalDatabaseFixture(PortalDatabaseProvider provider)
    {
        File = PortalTestDatabase.Create(provider);
        PortalDatabase.MigrateAsync(File, CancellationToken.None).GetAwaiter().GetResult();
    }

    public PortalTestDatabase File { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public PortalInstance NewInstance() => new(this);

    public void Dispose() => File.Dispose();

    /// <summary>The account-security services of one portal process.</summary>
    public sealed class PortalInstance : IDisposable
    {
        public PortalInstance(PortalDatabaseFixture fixture)
        {
            Keys = new PortalUserKeys(fixture.File);
            Throttle = new ActionThrottle(fixture.File, Keys, fixture.Clock);
            Revocations = new PortalSessionRevocations(fixture.File, Keys, fixture.Clock);
            Events = new SecurityEventLog(fixture.File, Keys, new NoCorrelationContext(), fixture.Clock);
        }

        public PortalUserKeys Keys { get; }

        public ActionThrottle Throttle { get; }

        public PortalSessionRevocations Revocations { get; }

        public SecurityEventLog Events { get; }

        public void Dispose() => Keys.Dispose();
    }
}
