using System.Net.Sockets;
using System.Text;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>
/// Sends a request line exactly as written. HttpClient normalises "..", so path traversal attempts
/// must go over a plain socket to reach the server unchanged.
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Body)> GetAsync(Uri server, string rawPath)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = $"GET {rawPath} HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\nConnection: close\r\nAccept-Language: en\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
