using System.Net;
using System.Text;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>An <see cref="HttpMessageHandler"/> that answers from a script and records every request it saw.</summary>
public sealed class StubHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public StubHandler(params Func<HttpResponseMessage>[] responses)
        : this(Sequence(responses))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage TooManyRequests(Action<HttpResponseMessage>? headers = null)
    {
        var response = Json(HttpStatusCode.TooManyRequests,
            """{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}""");
        headers?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        RecordedRequest recorded;
        lock (_gate)
        {
            recorded = new RecordedRequest(request.Method, request.RequestUri!, body, request.Headers.Authorization?.Parameter,
                request.Content?.Headers.ContentType?.MediaType, _requests.Count);
            _requests.Add(recorded);
        }

        var response = await respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private static Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Sequence(Func<HttpResponseMessage>[] responses) =>
        (request, _) => Task.FromResult(request.Index < responses.Length ? responses[request.Index]() : responses[^1]());
}
