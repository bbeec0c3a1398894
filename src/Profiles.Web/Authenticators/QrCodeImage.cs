using QRCoder;

namespace Profiles.Web.Authenticators;

/// <summary>Draws an <c>otpauth://</c> URI as a QR code on the server (a PNG data URI): the secret never goes to an outside
/// image service, and the page needs no script to show it.</summary>
public static class QrCodeImage
{
    public static string DataUri(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var renderer = new PngByteQRCode(data);
        var png = renderer.GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
