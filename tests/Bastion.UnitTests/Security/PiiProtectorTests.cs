using System.Security.Cryptography;
using System.Text;
using Bastion.Security;

namespace Bastion.UnitTests.Security;

public class PiiProtectorTests
{
    private static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + seed)).ToArray();

    private readonly PiiProtector _pii = new(Key(1));

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("13800138000")]
    [InlineData("张三 · 江北省清河市")]
    [InlineData("")]
    public void Decrypt_WhenGivenOwnCiphertext_ReturnsPlaintext(string plaintext)
    {
        var cipher = _pii.Encrypt(plaintext);

        Assert.Equal(plaintext, _pii.Decrypt(cipher));
    }

    [Fact]
    public void Decrypt_WhenOtherInstanceHasSameKey_ReturnsPlaintext()
    {
        var cipher = _pii.Encrypt("11010519491231002X");

        Assert.Equal("11010519491231002X", new PiiProtector(Key(1)).Decrypt(cipher));
    }

    [Fact]
    public void Encrypt_WhenCalledTwiceWithSameValue_ProducesDifferentCiphertexts()
    {
        var a = _pii.Encrypt("11010519491231002X");
        var b = _pii.Encrypt("11010519491231002X");

        Assert.NotEqual(a, b);
        Assert.NotEqual(a[..12], b[..12]); // fresh nonce
    }

    [Fact]
    public void Encrypt_WhenGivenValue_DoesNotContainPlaintextAndAddsNonceAndTag()
    {
        const string plaintext = "11010519491231002X";

        var cipher = _pii.Encrypt(plaintext);

        Assert.Equal(12 + 16 + Encoding.UTF8.GetByteCount(plaintext), cipher.Length);
        Assert.DoesNotContain(plaintext, Encoding.UTF8.GetString(cipher), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]  // nonce
    [InlineData(11)]
    [InlineData(12)] // tag
    [InlineData(27)]
    [InlineData(28)] // ciphertext body
    [InlineData(-1)]
    public void Decrypt_WhenAnyByteIsTampered_ThrowsCryptographicException(int index)
    {
        var cipher = _pii.Encrypt("11010519491231002X");
        var position = index < 0 ? cipher.Length + index : index;

        cipher[position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => _pii.Decrypt(cipher));
    }

    [Fact]
    public void Decrypt_WhenCiphertextIsTruncated_ThrowsCryptographicException()
    {
        var cipher = _pii.Encrypt("11010519491231002X");

        Assert.ThrowsAny<CryptographicException>(() => _pii.Decrypt(cipher[..^1]));
        Assert.ThrowsAny<CryptographicException>(() => _pii.Decrypt(cipher[..27]));
        Assert.ThrowsAny<CryptographicException>(() => _pii.Decrypt([]));
    }

    [Fact]
    public void Decrypt_WhenKeyDiffers_ThrowsCryptographicException()
    {
        var cipher = _pii.Encrypt("11010519491231002X");

        Assert.ThrowsAny<CryptographicException>(() => new PiiProtector(Key(2)).Decrypt(cipher));
    }

    [Fact]
    public void LookupHash_WhenSameKeyAndValue_IsStable()
    {
        var a = _pii.LookupHash("11010519491231002X");
        var b = new PiiProtector(Key(1)).LookupHash("11010519491231002X");

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void LookupHash_WhenKeyDiffers_Differs()
    {
        Assert.NotEqual(_pii.LookupHash("11010519491231002X"), new PiiProtector(Key(2)).LookupHash("11010519491231002X"));
    }

    [Fact]
    public void LookupHash_WhenValueDiffers_Differs()
    {
        Assert.NotEqual(_pii.LookupHash("11010519491231002X"), _pii.LookupHash("110105194912310011"));
    }

    [Fact]
    public void LookupHash_WhenComparedWithUnkeyedHash_IsNotPlainSha256()
    {
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("11010519491231002X")));
        var withMasterKey = Convert.ToHexStringLower(HMACSHA256.HashData(Key(1), Encoding.UTF8.GetBytes("11010519491231002X")));

        var hash = _pii.LookupHash("11010519491231002X");

        Assert.NotEqual(plain, hash);
        Assert.NotEqual(withMasterKey, hash); // a derived key, separate from the encryption key
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Constructor_WhenKeyIsNot32Bytes_ThrowsArgumentException(int length)
    {
        var exception = Assert.Throws<ArgumentException>(() => new PiiProtector(new byte[length]));

        Assert.Equal("masterKey", exception.ParamName);
    }
}
