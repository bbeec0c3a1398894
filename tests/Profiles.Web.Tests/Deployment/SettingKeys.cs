using System.Collections;
using System.Reflection;
using Profiles.Core.Settings;
using Profiles.Web.Hosting;

namespace Profiles.Web.Tests.Deployment;

/// <summary>Whether a configuration key (<c>Profiles:DataProtection:CertificatePath</c>) names a property of one of the
/// portal's options classes, found by their <c>SectionName</c> in Profiles.Web and Profiles.Core.</summary>
public static class SettingKeys
{
    private static readonly IReadOnlyList<(string Section, Type Options)> Sections =
        new[] { typeof(PublicOriginOptions).Assembly, typeof(Auth0Options).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .ToList();

    /// <summary>Every setting an operator can write: each scalar property of the options classes, and each list or map as a
    /// whole (<c>Profiles:ForwardedHeaders:KnownNetworks</c>), nested objects followed.</summary>
    public static IEnumerable<string> All() => Sections.SelectMany(s => Keys(s.Section, s.Options, depth: 0)).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Keys(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = prefix + ":" + property.Name;
            var propertyType = property.PropertyType;
            var collection = !IsScalar(propertyType) && (DictionaryValue(propertyType) is not null || ElementType(propertyType) is not null);
            if (!property.CanWrite && !collection)
            {
                // Computed from other settings (e.g. the preference field that drives the language), not one itself.
                continue;
            }

            if (IsScalar(propertyType) || collection || depth > 4)
            {
                yield return key;
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in Keys(key, propertyType, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    public static bool IsSetting(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sections.Any(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase) &&
                                 Resolves(s.Options, key[(s.Section.Length + 1)..].Split(':')));
    }

    private static bool Resolves(Type type, IEnumerable<string> segments)
    {
        foreach (var segment in segments)
        {
            if (IsScalar(type))
            {
                return false;
            }

            if (DictionaryValue(type) is { } value)
            {
                type = value;
            }
            else if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segment, out _))
                {
                    return false;
                }

                type = element;
            }
            else if (type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                type = property.PropertyType;
            }
            else
            {
                return false;
            }
        }

        return IsScalar(type);
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) ||
               underlying == typeof(TimeSpan) || underlying == typeof(Uri);
    }

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : typeof(IEnumerable).IsAssignableFrom(type)
                ? type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                : null;
}
