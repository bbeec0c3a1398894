using Profiles.Core.Logging;

namespace Profiles.Core.Tests.Logging;

public class UserLogKeyTests
{
    [Fact]
    public void The_key_is_stable_per_user_and_secret_and_never_contains_the_id()
    {
        var key = new UserLogKey("secret-a");
        const string Enterprise = "samlp|corp|alice@example.com";

        var first = key.For(Enterprise);

        Assert.Equal(first, new UserLogKey("secret-a").For(Enterprise));
        Assert.NotEqual(first, key.For("samlp|corp|bob@example.com"));
        Assert.NotEqual(first, new UserLogKey("secret-b").For(Enterprise));
        Assert.Matches("^u_[0-9a-f]{16}$", first);
        Assert.DoesNotContain("alice", first, StringComparison.OrdinalIgnoreCase);
    }
}
