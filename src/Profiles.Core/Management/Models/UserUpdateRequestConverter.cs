using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>Writes only the assigned members of a <see cref="UserUpdateRequest"/>, keeping explicit nulls.</summary>
public sealed class UserUpdateRequestConverter : JsonConverter<UserUpdateRequest>
{
    public override UserUpdateRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("UserUpdateRequest is write-only.");

    public override void Write(Utf8JsonWriter writer, UserUpdateRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, member) in value.Values)
        {
            writer.WritePropertyName(key);
            switch (member)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case JsonNode node:
                    node.WriteTo(writer);
                    break;
                default:
                    throw new JsonException("Unsupported update member.");
            }
        }

        writer.WriteEndObject();
    }
}
