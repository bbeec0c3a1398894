using System.Text.Json.Nodes;

namespace Profiles.Web.Preferences;

/// <summary>CSS classes on <c>&lt;body&gt;</c> for the accessibility preferences (the stylesheet honours them).</summary>
public static class AccessibilityClasses
{
    public const string ViewDataKey = "BodyClass";

    public const string ReducedMotionKey = "reduced_motion";
    public const string LargerTextKey = "larger_text";

    public static string From(JsonObject userMetadata) =>
        Classes(MetadataText.IsTrue(userMetadata, ReducedMotionKey), MetadataText.IsTrue(userMetadata, LargerTextKey));

    /// <summary>From the values just submitted (a re-rendered form keeps what the user chose).</summary>
    public static string From(IReadOnlyDictionary<string, string?> submitted) =>
        Classes(submitted.GetValueOrDefault(ReducedMotionKey) == "true", submitted.GetValueOrDefault(LargerTextKey) == "true");

    private static string Classes(bool reducedMotion, bool largerText)
    {
        var classes = new List<string>(2);
        if (reducedMotion)
        {
            classes.Add("reduced-motion");
        }

        if (largerText)
        {
            classes.Add("larger-text");
        }

        return string.Join(' ', classes);
    }
}
