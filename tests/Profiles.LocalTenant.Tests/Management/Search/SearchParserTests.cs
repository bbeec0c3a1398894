using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management.Search;

namespace Profiles.LocalTenant.Tests.Management.Search;

public class SearchParserTests
{
    private static readonly TenantUser Jane = User("auth0|64b97a87b6c808c6f9cc1001", "jane.doe@example.com", "Jane Richard Doe", true,
        new DateTimeOffset(2026, 3, 14, 10, 30, 0, TimeSpan.Zero), "Username-Password-Authentication",
        app: """{"plan":"gold","tags":["beta","staff"],"seats":5,"billing":{"country":"FR"}}""",
        user: """{"theme":"dark","addresses":[{"city":"Paris"},{"city":"Lyon"}],"newsletter":true}""", logins: 12);

    private static readonly TenantUser John = User("google-oauth2|103547991597142817300", "john@gmail.example", "John Smith", false,
        new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero), "google-oauth2", app: """{"plan":"free"}""", user: null, logins: 1);

    private static readonly TenantUser Joanna = User("auth0|64b97a87b6c808c6f9cc1003", "JOANNA@Example.com", "Joanna", false,
        new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero), "Username-Password-Authentication", app: null, user: null, logins: null);

    [Theory]
    [InlineData("email:jane.doe@example.com", "Jane")]
    [InlineData("email:JANE.DOE@EXAMPLE.COM", "Jane")]
    [InlineData("email:\"joanna@example.com\"", "Joanna")]
    [InlineData("email:jo*", "John Joanna")]
    [InlineData("email:jane", "")]
    [InlineData("email_verified:true", "Jane")]
    [InlineData("email_verified:false", "John Joanna")]
    [InlineData("name:\"jane richard doe\"", "Jane")]
    [InlineData("name:richard", "Jane")]
    [InlineData("name:\"richard doe\"", "Jane")]
    [InlineData("name:\"doe richard\"", "")]
    [InlineData("name:smi*", "John")]
    [InlineData("user_id:auth0", "")]
    [InlineData("user_id:auth0*", "Jane Joanna")]
    [InlineData("user_id:\"google-oauth2|103547991597142817300\"", "John")]
    [InlineData("identities.connection:google-oauth2", "John")]
    [InlineData("identities.connection:\"Username-Password-Authentication\"", "Jane Joanna")]
    [InlineData("app_metadata.plan:gold", "Jane")]
    [InlineData("app_metadata.plan:Gold", "")]
    [InlineData("app_metadata.tags:staff", "Jane")]
    [InlineData("app_metadata.seats:5", "Jane")]
    [InlineData("app_metadata.billing.country:FR", "Jane")]
    [InlineData("user_metadata.addresses.city:Lyon", "Jane")]
    [InlineData("user_metadata.newsletter:true", "Jane")]
    [InlineData("email:*", "Jane John Joanna")]
    [InlineData("logins_count:[2 TO *]", "Jane")]
    [InlineData("jane.doe@example.com", "Jane")]
    [InlineData("Joanna", "Joanna")]
    public void Matches_fields_as_auth0s_search_does(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("created_at:[2026-01-01 TO 2026-12-31]", "Jane Joanna")]
    [InlineData("created_at:[2026-01-01 TO 2026-12-31}", "Jane")]
    [InlineData("created_at:{2025-12-31 TO *]", "Jane Joanna")]
    [InlineData("created_at:[* TO 2025-12]", "John")]
    [InlineData("created_at:[2026-03 TO 2026-03]", "Jane")]
    [InlineData("created_at:[2026 TO 2026]", "Jane Joanna")]
    [InlineData("created_at:{2026 TO *]", "")]
    [InlineData("created_at:[\"2026-03-14T10:30:00Z\" TO \"2026-03-14T10:30:00Z\"]", "Jane")]
    [InlineData(@"created_at:[2026-03-14T10\:31 TO *]", "Joanna")]
    [InlineData("created_at:[* TO *]", "Jane John Joanna")]
    public void Date_ranges_round_each_bound_to_its_precision(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("email:jo* AND email_verified:false", "John Joanna")]
    [InlineData("email:jo* email_verified:false", "John Joanna")]
    [InlineData("email:jo* NOT identities.connection:google-oauth2", "Joanna")]
    [InlineData("NOT app_metadata.plan:gold", "John Joanna")]
    [InlineData("app_metadata.plan:gold OR app_metadata.plan:free", "Jane John")]
    [InlineData("app_metadata.plan:free OR email:jane* AND email_verified:false", "John")]
    [InlineData("(app_metadata.plan:free OR email:jane*) AND email_verified:false", "John")]
    [InlineData("(app_metadata.plan:free OR email:jane*) AND NOT email_verified:false", "Jane")]
    [InlineData("NOT NOT name:joanna", "Joanna")]
    [InlineData("((name:joanna))", "Joanna")]
    [InlineData("name:joanna && email_verified:false || name:john*", "John Joanna")]
    public void Combines_with_and_or_not_and_parentheses(string query, string expected) => AssertFinds(query, expected);

    [Fact]
    public void Or_binds_looser_than_and()
    {
        var node = SearchParser.Parse("a:1 OR b:2 AND c:3");

        var or = Assert.IsType<AnyOfNode>(node);
        Assert.IsType<TermNode>(or.Parts[0]);
        Assert.Equal(2, Assert.IsType<AllOfNode>(or.Parts[1]).Parts.Count);
    }

    [Theory]
    [InlineData("", "the query is empty")]
    [InlineData("   ", "the query is empty")]
    [InlineData("email:", "expected a value for email but the query ended")]
    [InlineData("(email:a", "expected ')' but the query ended")]
    [InlineData("email:a)", "expected the end of the query at position 7, found ')'")]
    [InlineData("AND email:a", "expected a term, a quoted phrase, NOT or '(' at position 0, found 'AND'")]
    [InlineData("email:a OR", "expected a term, a quoted phrase, NOT or '(' but the query ended")]
    [InlineData("created_at:[2026 2027]", "expected TO at position 17, found '2027'")]
    [InlineData("created_at:[2026 TO 2027", "expected ']' or '}' but the query ended")]
    [InlineData("created_at:[yesterday TO *]", "'yesterday' is not a date (use 2026, 2026-03, 2026-03-14 or 2026-03-14T10:30:00Z)")]
    [InlineData("logins_count:[a TO *]", "'a' is not a number")]
    [InlineData("name:[a TO b]", "range searches are supported on created_at, last_login, last_password_reset, updated_at and logins_count, not on name")]
    [InlineData("app_metadata.plan:go*", "wildcard searches are not available on metadata fields (app_metadata.plan)")]
    [InlineData("user_metadata.theme:*", "wildcard searches are not available on metadata fields (user_metadata.theme)")]
    [InlineData("user_metadata.age:[1 TO 2]", "range searches are not available on metadata fields (user_metadata.age)")]
    [InlineData("email:(a OR b)", "expected a value for email (grouping several values under one field is not supported: write email:a OR email:b) at position 6, found '('")]
    [InlineData("*:jane", "expected a field name at position 0, found ''")]
    public void Explains_queries_it_refuses(string query, string reason)
        => Assert.Equal(reason, Assert.Throws<SearchQueryException>(() => SearchParser.Parse(query)).Message);

    private static void AssertFinds(string query, string expected)
    {
        var node = SearchParser.Parse(query);
        var found = new[] { ("Jane", Jane), ("John", John), ("Joanna", Joanna) }
            .Where(u => node.Matches(new SearchableUser(u.Item2))).Select(u => u.Item1);
        Assert.Equal(expected, string.Join(' ', found));
    }

    private static TenantUser User(string id, string email, string name, bool verified, DateTimeOffset created, string connection, string? app, string? user,
        int? logins)
    {
        var (provider, bare) = (id[..id.IndexOf('|', StringComparison.Ordinal)], id[(id.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        return new TenantUser
        {
            UserId = id,
            Email = email,
            EmailVerified = verified,
            Name = name,
            CreatedAt = created,
            UpdatedAt = created,
            LoginsCount = logins,
            AppMetadata = app is null ? null : JsonNode.Parse(app)!.AsObject(),
            UserMetadata = user is null ? null : JsonNode.Parse(user)!.AsObject(),
            Identities = [new TenantIdentity { Connection = connection, Provider = provider, UserId = bare, IsSocial = provider != "auth0" }],
        };
    }
}
