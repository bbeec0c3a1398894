using Profiles.Core.Password;

namespace Profiles.Core.Tests.Password;

/// <summary>Pins the strength table to Auth0's documented levels (docs: Authenticate > Database connections > Password
/// strength): none, at least 1 character; low, at least 6; fair, at least 8 with lower case, upper case and numbers; good, at
/// least 8 with 3 of lower case, upper case, numbers and special characters; excellent, at least 10 with 3 of those 4 and no
/// more than 2 identical characters in a row.</summary>
public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_table_has_Auth0s_five_levels_and_nothing_else()
    {
        Assert.Equal(
            new PasswordStrengthLevel[]
            {
                new PasswordStrengthLevel("none", 1, 0, 0, false),
                new PasswordStrengthLevel("low", 6, 0, 0, false),
                new PasswordStrengthLevel("fair", 8, 3, 3, false),
                new PasswordStrengthLevel("good", 8, 3, 4, false),
                new PasswordStrengthLevel("excellent", 10, 3, 4, true),
            },
            PasswordPolicy.Levels);
    }

    [Theory]
    [InlineData("none", "a", true)]
    [InlineData("none", "", false)]
    [InlineData("low", "abcdef", true)]
    [InlineData("low", "abcde", false)]
    [InlineData("fair", "abcDEF12", true)]
    [InlineData("fair", "abcdef1!", false)]
    [InlineData("fair", "abcDE12", false)]
    [InlineData("good", "abcdef1!", true)]
    [InlineData("good", "abcdefg1", false)]
    [InlineData("excellent", "abcdefg1!x", true)]
    [InlineData("excellent", "abcdef1!x", false)]
    [InlineData("excellent", "abcdeee1!x", false)]
    [InlineData("excellent", "abcdee1!xy", true)]
    public void A_password_meets_a_level_exactly_when_Auth0_accepts_it(string level, string password, bool accepted)
    {
        var rules = PasswordPolicy.Evaluate(level, 0, password);

        Assert.Equal(accepted, rules.All(r => r.Met));
    }

    [Fact]
    public void The_connections_minimum_length_only_raises_the_levels_own()
    {
        Assert.Equal(new[] { 12 }, PasswordPolicy.Evaluate(PasswordPolicy.Low, 12, "x")[0].Format);
        Assert.Equal(new[] { 10 }, PasswordPolicy.Evaluate(PasswordPolicy.Excellent, 4, "x")[0].Format);
    }

    [Fact]
    public void An_unknown_level_reads_as_Auth0s_default()
    {
        Assert.Equal(PasswordPolicy.Good, PasswordPolicy.Level("strong").Name);
    }
}
