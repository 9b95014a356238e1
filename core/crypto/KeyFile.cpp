#include "core/crypto/KeyFile.h"

#include "core/crypto/KeyId.h"
#include "core/json/Base64.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace trellis::crypto::keyfile {
namespace {

constexpr qsizetype kMaxKeyFileBytes = 64 * 1024;

Result<SigningKey> parseLine(QByteArrayView line, int lineNumber)
{
    const auto bad = [&](const QString &why) {
        return Error::invalidParam(QStringLiteral("key file line %1: %2").arg(lineNumber).arg(why));
    };
    const QList<QByteArray> fields = line.toByteArray().simplified().split(' ');
    if (fields.size() != 3)
        return bad(QStringLiteral("expected 'ed25519 <version> <base64 seed>'"));
    if (fields[0] != "ed25519")
        return bad(QStringLiteral("unsupported algorithm '%1'")
                       .arg(QString::fromUtf8(fields[0])));
    const QString version = QString::fromUtf8(fields[1]);
    if (!isValidKeyVersion(version))
        return bad(QStringLiteral("key version may only use [a-zA-Z0-9_]"));
    auto seed = base64::decode(fields[2]);
    if (!seed)
        return bad(QStringLiteral("the seed is not valid base64"));
    auto key = SigningKey::fromSeed(*seed, version);
    sodium_memzero(seed->data(), size_t(seed->size()));
    if (!key)
        return bad(key.error().message);
    return key;
}

Error ioError(const QString &what, const QString &path)
{
    return Error::io(QStringLiteral("%1 '%2': %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace

Result<QList<SigningKey>> parse(QByteArrayView text)
{
    QList<SigningKey> keys;
    int lineNumber = 0;
    for (const QByteArray &line : text.toByteArray().split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        auto key = parseLine(line, lineNumber);
        if (!key)
            return key.error();
        keys.append(std::move(*key));
    }
    if (keys.isEmpty())
        return Error::invalidParam(QStringLiteral("the key file holds no key"));
    return keys;
}

QByteArray format(const SigningKey &key)
{
    QByteArray seed = key.exportSeed();
    QByteArray line = "ed25519 " + key.version().toUtf8() + ' ' + base64::encode(seed) + '\n';
    sodium_memzero(seed.data(), size_t(seed.size()));
    return line;
}

Result<QList<SigningKey>> load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read key file '%1': %2").arg(path, file.errorString()));
    if (file.size() > kMaxKeyFileBytes)
        return Error::tooLarge(QStringLiteral("key file '%1' is larger than 64 KiB").arg(path));
    QByteArray text = file.read(kMaxKeyFileBytes + 1);
    auto keys = parse(text);
    sodium_memzero(text.data(), size_t(text.size()));
    if (!keys)
        return keys.error().prefixed(path);
    return keys;
}

Result<void> save(const QString &path, const SigningKey &key)
{
    if (key.isNull())
        return Error::invalidParam(QStringLiteral("no key to save"));
    const QByteArray target = QFile::encodeName(path);
    // mkostemp() creates a new file (O_EXCL) with mode 0600 under a fresh name: opening a
    // predictable name with O_CREAT would reuse a leftover file and keep its mode.
    QByteArray temporary = target + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("cannot create key file"), path);
    QByteArray line = format(key);
    const ssize_t written = ::write(fd, line.constData(), size_t(line.size()));
    sodium_memzero(line.data(), size_t(line.size()));
    if (written >= 0 && written != ssize_t(line.size()))
        errno = EIO; // a short write of a few bytes: the disk is full or failing
    bool ok = written == ssize_t(line.size()) && ::fsync(fd) == 0;
    int savedErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        savedErrno = errno;
    }
    if (ok && ::rename(temporary.constData(), target.constData()) != 0) {
        ok = false;
        savedErrno = errno;
    }
    if (!ok) {
        ::unlink(temporary.constData());
        errno = savedErrno;
        return ioError(QStringLiteral("cannot write key file"), path);
    }
    // Make the rename itself durable.
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dirFd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace trellis::crypto::keyfile
