using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Profiles.Core.Tests.Mail;

/// <summary>A real SMTP server on a free 127.0.0.1 port, speaking just enough of RFC 5321 for one client: EHLO/HELO, AUTH PLAIN
/// and LOGIN (when <see cref="Credentials"/> are set), MAIL FROM, RCPT TO (refused with 550 for <see cref="RefusedRecipients"/>),
/// DATA, RSET, NOOP and QUIT. It records what arrived and counts the commands, so tests can check that nothing was sent twice.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly Task _accepting;
    private int _connections;

    public SmtpTestServer(bool greet = true)
    {
        Greet = greet;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>False: accept connections but never say hello (a server that hangs).</summary>
    public bool Greet { get; }

    /// <summary>User name and password AUTH must present; null: AUTH is not offered.</summary>
    public (string UserName, string Password)? Credentials { get; init; }

    public ISet<string> RefusedRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every command verb received, in order (e.g. EHLO, MAIL, RCPT, DATA, QUIT).</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The user name a successful AUTH presented.</summary>
    public string? AuthenticatedAs { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using var connection = socket;
        await using var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (!Greet)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _stop.Token);
                return;
            }

            await writer.WriteLineAsync("220 smtp.test ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                _commands.Enqueue(verb);
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync(Credentials is null ? "250 smtp.test" : "250-smtp.test\r\n250 AUTH PLAIN LOGIN");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 smtp.test");
                        break;
                    case "AUTH":
                        await AuthenticateAsync(argument, reader, writer);
                        break;
                    case "MAIL":
                        if (Credentials is not null && AuthenticatedAs is null)
                        {
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
                            break;
                        }

                        from = Address(argument);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(argument);
                        if (RefusedRecipients.Contains(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                        }
                        else
                        {
                            to.Add(recipient);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }

                        break;
                    case "DATA":
                        if (from is null || to.Count == 0)
                        {
                            await writer.WriteLineAsync("503 5.5.1 Bad sequence of commands");
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _messages.Enqueue(new ReceivedMail(from, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // The client or the test went away.
        }
    }

    private async Task AuthenticateAsync(string argument, StreamReader reader, StreamWriter writer)
    {
        var parts = argument.Split(' ', 2);
        string? user = null;
        string? password = null;
        if (Credentials is null)
        {
            await writer.WriteLineAsync("502 5.5.2 AUTH not offered");
            return;
        }

        if (parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var initial = parts.Length > 1 ? parts[1] : null;
            if (initial is null)
            {
                await writer.WriteLineAsync("334 ");
                initial = await reader.ReadLineAsync(_stop.Token) ?? "";
            }

            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
            (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }
        else if (parts[0].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length > 1)
            {
                user = Decode(parts[1]);
            }
            else
            {
                await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                user = Decode(await reader.ReadLineAsync(_stop.Token) ?? "");
            }

            await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
            password = Decode(await reader.ReadLineAsync(_stop.Token) ?? "");
        }

        if (user == Credentials.Value.UserName && password == Credentials.Value.Password)
        {
            AuthenticatedAs = user;
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
        }
        else
        {
            await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
        }
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static string Address(string argument)
    {
        var start = argument.IndexOf('<', StringComparison.Ordinal);
        var end = argument.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }
}
