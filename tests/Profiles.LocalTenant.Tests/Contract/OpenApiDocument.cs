using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>
/// One of Auth0's OpenAPI documents, and a validator for the subset of OpenAPI schema they use
/// (type, properties, required, additionalProperties, items, nullable, enum, const, oneOf, anyOf, allOf, $ref).
/// Microsoft.OpenApi's YAML reader and JSON-schema libraries do not restore from this registry, hence a small walker.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly Dictionary<string, OpenApiDocument> Cache = [];
    private readonly JsonObject _root;

    private OpenApiDocument(JsonObject root) => _root = root;

    public static OpenApiDocument Management => Load("auth0-management-api-v2.openapi.yaml");

    public static OpenApiDocument Authentication => Load("auth0-authentication-api.openapi.json");

    public static OpenApiDocument MyAccount => Load("auth0-myaccount-api.openapi.json");

    /// <summary>The schema of a response, e.g. (<c>/users/{id}</c>, <c>get</c>, 200).</summary>
    public JsonNode ResponseSchema(string pathTemplate, string method, int status)
    {
        var operation = _root["paths"]?[pathTemplate]?[method.ToLowerInvariant()]
            ?? throw new InvalidOperationException($"{method} {pathTemplate} is not in the document.");
        var response = Resolve(operation["responses"]?[status.ToString(CultureInfo.InvariantCulture)]
            ?? throw new InvalidOperationException($"{method} {pathTemplate} documents no {status} response."));
        var content = response!["content"]?.AsObject()
            ?? throw new InvalidOperationException($"{method} {pathTemplate} {status} documents no body.");
        var media = content.FirstOrDefault(c => c.Key.StartsWith("application/json", StringComparison.Ordinal)).Value ?? content.First().Value;
        return media!["schema"] ?? throw new InvalidOperationException($"{method} {pathTemplate} {status} has no schema.");
    }

    /// <summary>A named schema of <c>components/schemas</c>.</summary>
    public JsonNode Schema(string name)
        => _root["components"]?["schemas"]?[name] ?? throw new InvalidOperationException($"The document has no schema {name}.");

    /// <summary>True when the document lists <paramref name="status"/> for the operation.</summary>
    public bool Documents(string pathTemplate, string method, int status)
        => _root["paths"]?[pathTemplate]?[method.ToLowerInvariant()]?["responses"]?[status.ToString(CultureInfo.InvariantCulture)] is not null;

    /// <summary>Validates <paramref name="instance"/>; returns one message per violation (empty = valid).
    /// With <paramref name="undeclared"/>, also collects property paths the schema does not declare (open objects allow them).</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, JsonNode schema, ICollection<string>? undeclared = null)
    {
        var errors = new List<string>();
        Check(instance, schema, "$", errors, undeclared, 0);
        return errors;
    }

    /// <summary>Validates a response body (string) against the documented schema.</summary>
    public IReadOnlyList<string> ValidateResponse(string pathTemplate, string method, int status, string body, ICollection<string>? undeclared = null)
        => Validate(JsonNode.Parse(body), ResponseSchema(pathTemplate, method, status), undeclared);

    private void Check(JsonNode? value, JsonNode? schemaNode, string path, List<string> errors, ICollection<string>? undeclared, int depth)
    {
        if (depth > 40 || schemaNode is null)
        {
            return;
        }

        var schema = Resolve(schemaNode)!.AsObject();
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() == true || TypeNames(schema).Contains("null") || TypeNames(schema).Count == 0)
            {
                return;
            }

            errors.Add($"{path}: null is not allowed");
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                Check(value, part, path, errors, undeclared, depth + 1);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray alternatives)
            {
                var matching = alternatives.Where(a => Validate(value, a!).Count == 0).Select(a => a!).ToList();
                if (matching.Count == 0 || (keyword == "oneOf" && matching.Count > 1 && !AlternativesOverlapByDesign(matching)))
                {
                    errors.Add($"{path}: matches {matching.Count} of the {keyword} alternatives");
                }
            }
        }

        var types = TypeNames(schema);
        if (types.Count > 0 && !types.Any(t => HasType(value, t)))
        {
            errors.Add($"{path}: expected {string.Join("|", types)}, got {value.GetValueKind()}");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            errors.Add($"{path}: {value.ToJsonString()} is not one of the allowed values");
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            CheckObject(obj, schema, path, errors, undeclared, depth);
        }
        else if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors, undeclared, depth + 1);
            }
        }
    }

    private void CheckObject(JsonObject obj, JsonObject schema, string path, List<string> errors, ICollection<string>? undeclared, int depth)
    {
        var properties = schema["properties"]?.AsObject();
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
            {
                errors.Add($"{path}: missing required property '{name}'");
            }
        }

        foreach (var (name, child) in obj)
        {
            if (properties?[name] is { } propertySchema)
            {
                Check(child, propertySchema, $"{path}.{name}", errors, undeclared, depth + 1);
                continue;
            }

            var additional = schema["additionalProperties"];
            if (additional is JsonValue flag && flag.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path}: property '{name}' is not allowed");
            }
            else if (additional is JsonObject additionalSchema)
            {
                Check(child, additionalSchema, $"{path}.{name}", errors, undeclared, depth + 1);
            }
            else if (properties is not null)
            {
                undeclared?.Add($"{path}.{name}");
            }
        }
    }

    // oneOf means exactly one. Auth0's document also uses it for alternatives that overlap on purpose: open objects (any extra
    // property allowed), where one value fits several (a token grant with PKCE fits the plain code grant too). Several matches
    // are accepted only when every matching alternative is open like that; two closed objects (additionalProperties: false,
    // e.g. the offset and the checkpoint page of a list) or two scalars that both fit are a violation.
    private bool AlternativesOverlapByDesign(IEnumerable<JsonNode> matching) => matching.All(IsOpen);

    private bool IsOpen(JsonNode alternative)
    {
        var schema = Resolve(alternative)!.AsObject();
        var types = TypeNames(schema);
        var additional = schema["additionalProperties"];
        var closed = additional is JsonValue flag && flag.GetValueKind() == JsonValueKind.False;
        return types.Count == 0 || (types.SequenceEqual(["object"]) && !closed);
    }

    private JsonNode? Resolve(JsonNode? node)
    {
        for (var i = 0; i < 20 && node?["$ref"] is JsonValue reference; i++)
        {
            var pointer = reference.GetValue<string>();
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"External reference {pointer} is not supported.");
            }

            node = pointer[2..].Split('/').Aggregate<string, JsonNode?>(_root, (current, segment) => current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]);
        }

        return node;
    }

    private static List<string> TypeNames(JsonObject schema) => schema["type"] switch
    {
        JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue single => [single.GetValue<string>()],
        _ => [],
    };

    private static bool HasType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value.AsValue().TryGetValue<long>(out _),
        _ => false,
    };

    private static OpenApiDocument Load(string fileName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fileName, out var document))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Contract", "OpenApi", fileName);
                var root = fileName.EndsWith(".json", StringComparison.Ordinal)
                    ? JsonNode.Parse(File.ReadAllText(path))!.AsObject()
                    : YamlToJson(path);
                document = new OpenApiDocument(root);
                Cache[fileName] = document;
            }

            return document;
        }
    }

    private static JsonObject YamlToJson(string path)
    {
        using var reader = new StreamReader(path);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return Convert(yaml.Documents[0].RootNode)!.AsObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
