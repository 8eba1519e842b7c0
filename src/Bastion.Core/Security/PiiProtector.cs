using System.Security.Cryptography;
using System.Text;

namespace Bastion.Security;

/// <summary>
/// Encrypts personal data (resident ID, phone, reporters' contacts) with AES-GCM and derives keyed hashes
/// for exact lookup. The key comes from configuration, never from the database.
/// </summary>
public sealed class PiiProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PiiProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The data key must be 32 bytes (256 bits).", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "bastion-pii-encryption"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "bastion-pii-lookup"u8.ToArray());
    }

    public byte[] Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        if (cipher.Length < NonceSize + TagSize) throw new CryptographicException("The ciphertext is too short.");
        var plain = new byte[cipher.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize + TagSize), cipher.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>HMAC-SHA256 of the normalized value, hex: equal inputs give equal hashes, nothing else can be learned.</summary>
    public string LookupHash(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));
}
