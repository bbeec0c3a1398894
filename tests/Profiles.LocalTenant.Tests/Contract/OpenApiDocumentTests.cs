using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>The validator must itself catch what it is there to catch, or every contract test would pass vacuously.</summary>
public class OpenApiDocumentTests
{
    [Fact]
    public void Auth0s_recorded_user_passes_and_broken_shapes_fail()
    {
        var schema = OpenApiDocument.Management.ResponseSchema("/users/{id}", "get", 200);
        var recorded = JsonNode.Parse("""
            {"blocked":false,"created_at":"2023-01-25T19:00:26.539Z","email":"chuck878@example.com","email_verified":true,"family_name":"Sanchez",
             "given_name":"Chuck","identities":[{"connection":"Username-Password-Authentication","user_id":"63d17c4a9d503d76c056c160","provider":"auth0","isSocial":false}],
             "name":"chuck878@example.com","nickname":"Chucky","picture":"https://example-picture-url.jpg","updated_at":"2023-01-25T19:00:26.539Z",
             "user_id":"auth0|63d17c4a9d503d76c056c160","user_metadata":{"favourite":"x"},"username":"test-user636","app_metadata":{"foo":"bar"}}
            """);

        Assert.Empty(OpenApiDocument.Management.Validate(recorded, schema));
        Assert.NotEmpty(OpenApiDocument.Management.Validate(JsonNode.Parse("""{"user_id":42}"""), schema));
        Assert.NotEmpty(OpenApiDocument.Management.Validate(JsonNode.Parse("""{"email_verified":"yes"}"""), schema));
        Assert.NotEmpty(OpenApiDocument.Management.Validate(JsonNode.Parse("""{"identities":[{"isSocial":"no"}]}"""), schema));
        Assert.NotEmpty(OpenApiDocument.Management.Validate(JsonNode.Parse("[]"), schema));
    }

    [Fact]
    public void A_value_that_fits_none_of_the_oneOf_alternatives_fails()
    {
        // created_at is a string or an object in Auth0's document; a number is neither.
        var schema = OpenApiDocument.Management.ResponseSchema("/users/{id}", "get", 200);

        var errors = OpenApiDocument.Management.Validate(JsonNode.Parse("""{"user_id":"auth0|1","created_at":42}"""), schema);

        Assert.Equal(["$.created_at: matches 0 of the oneOf alternatives"], errors);
    }

    [Fact]
    public void A_value_that_fits_two_closed_oneOf_alternatives_fails_and_one_that_fits_exactly_one_passes()
    {
        // GET /clients answers a plain array, an offset page (start, limit, total) or a checkpoint page (next), both pages
        // closed to other properties. A page with only the list fits both, which oneOf forbids.
        var schema = OpenApiDocument.Management.ResponseSchema("/clients", "get", 200);

        Assert.Equal(["$: matches 2 of the oneOf alternatives"],
            OpenApiDocument.Management.Validate(JsonNode.Parse("""{"clients":[]}"""), schema));
        Assert.Empty(OpenApiDocument.Management.Validate(JsonNode.Parse("""{"start":0,"limit":50,"total":0,"clients":[]}"""), schema));
        Assert.Empty(OpenApiDocument.Management.Validate(JsonNode.Parse("""{"next":"cursor","clients":[]}"""), schema));
        Assert.Empty(OpenApiDocument.Management.Validate(JsonNode.Parse("[]"), schema));
    }

    [Fact]
    public void Open_alternatives_may_overlap_by_design()
    {
        // Auth0's token request: the PKCE grant is the code grant plus a verifier, both open objects, so one request fits both.
        var schema = JsonNode.Parse("""
            {"oneOf":[
              {"type":"object","required":["grant_type","code"],"properties":{"grant_type":{"type":"string"},"code":{"type":"string"}}},
              {"type":"object","required":["grant_type","code","code_verifier"],"properties":{"code_verifier":{"type":"string"}}}]}
            """)!;
        var closed = JsonNode.Parse("""
            {"oneOf":[
              {"type":"object","additionalProperties":false,"properties":{"code":{"type":"string"},"code_verifier":{"type":"string"}}},
              {"type":"object","additionalProperties":false,"properties":{"code":{"type":"string"},"state":{"type":"string"}}}]}
            """)!;
        var request = JsonNode.Parse("""{"grant_type":"authorization_code","code":"c","code_verifier":"v"}""");

        Assert.Empty(OpenApiDocument.Management.Validate(request, schema));
        Assert.Equal(["$: matches 2 of the oneOf alternatives"], OpenApiDocument.Management.Validate(JsonNode.Parse("""{"code":"c"}"""), closed));
    }

    [Fact]
    public void Undeclared_properties_are_reported_separately()
    {
        var schema = OpenApiDocument.Management.ResponseSchema("/users/{id}", "get", 200);
        var undeclared = new List<string>();

        var errors = OpenApiDocument.Management.Validate(JsonNode.Parse("""{"user_id":"auth0|1","surprise":1}"""), schema, undeclared);

        Assert.Empty(errors);
        Assert.Equal(["$.surprise"], undeclared);
    }

    [Fact]
    public void The_authentication_document_is_readable_too()
    {
        Assert.True(OpenApiDocument.Authentication.Documents("/oauth/token", "post", 200));
        Assert.True(OpenApiDocument.Management.Documents("/users/{id}/identities", "post", 201));
        Assert.False(OpenApiDocument.Management.Documents("/users/{id}", "get", 418));
    }
}
