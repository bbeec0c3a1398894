using Profiles.Core.Email;

namespace Profiles.Core.Tests.Email;

public sealed class EmailAddressRulesTests
{
    [Theory]
    [InlineData("  Alice.New@Example.COM ", "alice.new@example.com")]
    [InlineData("a+tag@sub.example.org", "a+tag@sub.example.org")]
    public void Plain_addresses_are_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, EmailAddressRules.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("alice@localhost")]
    [InlineData("alice@-example.com")]
    [InlineData("ali ce@example.com")]
    [InlineData("alice@example..com")]
    public void Anything_but_a_bare_address_is_refused(string? input) => Assert.Null(EmailAddressRules.Normalize(input));

    [Fact]
    public void Overlong_addresses_and_local_parts_are_refused()
    {
        Assert.Null(EmailAddressRules.Normalize(new string('a', 65) + "@example.com"));
        Assert.Null(EmailAddressRules.Normalize("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com"));
        Assert.NotNull(EmailAddressRules.Normalize(new string('a', 64) + "@example.com"));
    }

    [Fact]
    public void Masking_keeps_only_the_first_letter_and_the_domain() =>
        Assert.Equal("a•••@example.com", EmailAddressRules.Mask("alice.new@example.com"));

    [Fact]
    public void Codes_have_the_asked_length_and_only_digits()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = EmailCodeHasher.NewCode(6);
            Assert.Equal(6, code.Length);
            Assert.All(code, c => Assert.True(char.IsAsciiDigit(c)));
        }

        Assert.Equal(8, EmailCodeHasher.NewCode(8).Length);
    }
}
