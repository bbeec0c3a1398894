using System.Text.Json.Nodes;

namespace Profiles.Web.Preferences;

/// <summary>CSS classes on <c>&lt;body&gt;</c> for the accessibility preferences (the stylesheet honours them).</summary>
public static class AccessibilityClasses
{
    public const string ViewDataKey = "BodyClass";

    public static string From(JsonObject userMetadata)
    {
        var classes = new List<string>(2);
        if (MetadataValues.IsTrue(userMetadata, "reduced_motion"))
        {
            classes.Add("reduced-motion");
        }

        if (MetadataValues.IsTrue(userMetadata, "larger_text"))
        {
            classes.Add("larger-text");
        }

        return string.Join(' ', classes);
    }
}
