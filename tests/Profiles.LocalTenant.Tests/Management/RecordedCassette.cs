using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>A go-vcr v2 recording (see Fixtures/README.md): only what the replay needs.</summary>
internal sealed class RecordedCassette
{
    public List<Interaction> Interactions { get; set; } = [];

    public static RecordedCassette Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        return deserializer.Deserialize<RecordedCassette>(File.ReadAllText(path));
    }

    internal sealed class Interaction
    {
        public RecordedRequest Request { get; set; } = new();
        public RecordedResponse Response { get; set; } = new();
    }

    internal sealed class RecordedRequest
    {
        public string Body { get; set; } = "";
        public string Url { get; set; } = "";
        public string Method { get; set; } = "";
    }

    internal sealed class RecordedResponse
    {
        public string Body { get; set; } = "";
        public int Code { get; set; }
        public Dictionary<string, List<string>> Headers { get; set; } = [];
    }
}
