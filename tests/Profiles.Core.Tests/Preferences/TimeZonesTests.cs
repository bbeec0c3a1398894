using Profiles.Core.Preferences;

namespace Profiles.Core.Tests.Preferences;

public sealed class TimeZonesTests
{
    [Fact]
    public void A_known_zone_is_found_with_its_rules_every_time()
    {
        Assert.True(TimeZones.TryFind("Europe/Paris", out var first));
        Assert.True(TimeZones.TryFind("Europe/Paris", out var second));

        Assert.Equal("Europe/Paris", first.Id);
        Assert.Same(first, second);
        Assert.Equal(TimeSpan.FromHours(2), first.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Not/A_Zone")]
    [InlineData("")]
    public void An_unknown_zone_is_not_found_and_not_remembered(string id)
    {
        Assert.False(TimeZones.TryFind(id, out var zone));
        Assert.Null(zone);
        Assert.False(TimeZones.TryFind(id, out _));
    }
}
