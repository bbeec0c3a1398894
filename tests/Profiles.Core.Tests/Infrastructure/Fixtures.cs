namespace Profiles.Core.Tests.Infrastructure;

/// <summary>Response bodies shaped like the recorded Auth0 traffic in tests/Profiles.LocalTenant.Tests/Fixtures.</summary>
public static class Fixtures
{
    public const string DatabaseUserId = "auth0|63d17c4a9d503d76c056c160";

    public const string DatabaseUser = """
        {"blocked":false,"created_at":"2023-01-25T19:00:26.539Z","email":"chuck878@example.com","email_verified":true,
         "family_name":"Sanchez","given_name":"Chuck",
         "identities":[{"connection":"Username-Password-Authentication","user_id":"63d17c4a9d503d76c056c160","provider":"auth0","isSocial":false}],
         "name":"chuck878@example.com","nickname":"Chucky","picture":"https://example-picture-url.jpg","updated_at":"2023-01-25T19:00:27.000Z",
         "user_id":"auth0|63d17c4a9d503d76c056c160","user_metadata":{"language":"en","newsletter":true},"username":"test-user636",
         "app_metadata":{"plan":"premium"}}
        """;

    public const string SocialUser = """
        {"created_at":"2023-01-25T19:00:26.539Z","email":"chuck@example.com","email_verified":true,"name":"Chuck S",
         "identities":[{"connection":"github","user_id":12345678,"provider":"github","isSocial":true},
                       {"connection":"Username-Password-Authentication","user_id":"63d17c6b77d74b740960460a","provider":"auth0","isSocial":false,
                        "profileData":{"email":"second@example.com","email_verified":true}}],
         "user_id":"github|12345678","nickname":"chuck","picture":"https://avatars.example/u/1"}
        """;

    public static string User(string name = "Chuck", string? metadata = null) =>
        "{\"user_id\":\"" + DatabaseUserId + "\",\"email\":\"chuck@example.com\",\"name\":\"" + name + "\",\"nickname\":\"chucky\"," +
        "\"identities\":[{\"connection\":\"Username-Password-Authentication\",\"user_id\":\"63d17c4a9d503d76c056c160\",\"provider\":\"auth0\",\"isSocial\":false}]" +
        (metadata is null ? "" : ",\"user_metadata\":" + metadata) + "}";
}
