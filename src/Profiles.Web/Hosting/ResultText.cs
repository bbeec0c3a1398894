using Profiles.Core.Results;

namespace Profiles.Web.Hosting;

/// <summary>A journey's sentence for one code of a <see cref="ServiceResult"/>, from its resources; <paramref name="arguments"/>
/// are a field error's values (empty for the other outcomes).</summary>
public delegate string ResultText(string code, ServiceResult result, IReadOnlyList<object> arguments);
