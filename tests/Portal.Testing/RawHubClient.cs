using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ConcurrencyLab.Portal.Testing;

/// <summary>
/// Speaks the SignalR JSON protocol over a real WebSocket, as a browser does: negotiate, handshake,
/// records ending in 0x1E. (The .NET SignalR client package cannot be restored on this machine.)
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _invocations = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _reader;
    private int _nextId;

    private RawHubClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>True once the server closed the connection.</summary>
    public bool Closed { get; private set; }

    /// <summary>Negotiates, connects the WebSocket and completes the JSON protocol handshake; <paramref name="cookie"/>
    /// ("cl_visitor=...") is sent as a browser would send it.</summary>
    public static async Task<RawHubClient> ConnectAsync(Uri portal, string path = "hub", string? cookie = null)
    {
        using var http = new HttpClient { BaseAddress = portal };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        using var negotiate = await http.PostAsync($"{path}/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        var socket = new ClientWebSocket();
        if (cookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", cookie);
        }

        var uri = new UriBuilder(new Uri(portal, path)) { Scheme = "ws", Query = "id=" + Uri.EscapeDataString(token!) }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await SendTextAsync(socket, "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var handshake = await ReceiveRecordsAsync(socket, new StringBuilder());
        if (handshake is not ["{}"])
        {
            throw new InvalidOperationException("Handshake refused: " + string.Join(" | ", handshake ?? []));
        }

        return new RawHubClient(socket);
    }

    /// <summary>Invokes a hub method and returns its completion message (with "result" or "error").</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var (id, channel) = Open();
        await SendAsync(new { type = 1, invocationId = id, target, arguments });
        var completion = await channel.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        _invocations.TryRemove(id, out _);
        return completion;
    }

    /// <summary>Starts a server-to-client stream and yields its items until completion; throws on a stream error.</summary>
    public async IAsyncEnumerable<JsonElement> StreamAsync(string target, object?[] arguments, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (id, channel) = Open();
        await SendAsync(new { type = 4, invocationId = id, target, arguments });
        while (true)
        {
            var message = await channel.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(Timeout, cancellationToken);
            var type = message.GetProperty("type").GetInt32();
            if (type == 2)
            {
                yield return message.GetProperty("item");
                continue;
            }

            _invocations.TryRemove(id, out _);
            if (message.TryGetProperty("error", out var error))
            {
                throw new HubErrorException(error.GetString() ?? "");
            }

            yield break;
        }
    }

    /// <summary>Sends any text as one record, for malformed-message tests.</summary>
    public Task SendRawAsync(string record) => SendLockedAsync(record + RecordSeparator);

    /// <summary>Drops the connection without a close handshake, like a browser tab that vanishes.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Waits until the server closes the connection.</summary>
    public Task WaitForCloseAsync() => _reader.WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex) when (ex is WebSocketException or TimeoutException)
            {
            }
        }

        _socket.Dispose();
    }

    private (string Id, Channel<JsonElement> Channel) Open()
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var channel = Channel.CreateUnbounded<JsonElement>();
        _invocations[id] = channel;
        return (id, channel);
    }

    private Task SendAsync(object message) => SendLockedAsync(JsonSerializer.Serialize(message) + RecordSeparator);

    private async Task SendLockedAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await SendTextAsync(_socket, text);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new StringBuilder();
        try
        {
            while (await ReceiveRecordsAsync(_socket, buffer) is { } records)
            {
                foreach (var record in records)
                {
                    var message = JsonDocument.Parse(record).RootElement.Clone();
                    if (message.TryGetProperty("invocationId", out var id) && _invocations.TryGetValue(id.GetString()!, out var channel))
                    {
                        channel.Writer.TryWrite(message);
                    }
                    else if (message.GetProperty("type").GetInt32() == 7)
                    {
                        break;
                    }
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            Closed = true;
            foreach (var channel in _invocations.Values)
            {
                channel.Writer.TryComplete(new IOException("The hub connection closed."));
            }
        }
    }

    private static Task SendTextAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads whole WebSocket messages until at least one complete record arrived; null when the socket closed.</summary>
    private static async Task<List<string>?> ReceiveRecordsAsync(ClientWebSocket socket, StringBuilder pending)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var text = pending.ToString();
            var end = text.LastIndexOf(RecordSeparator);
            if (end >= 0)
            {
                pending.Clear().Append(text[(end + 1)..]);
                return [.. text[..end].Split(RecordSeparator)];
            }

            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                pending.Append(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
            }
        }
    }
}
