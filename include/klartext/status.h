// klartext errors as values: Status and Result<T>. Nothing in klartext throws across the API.
// Tested in tests/base/status_test.cc.
#ifndef KLARTEXT_STATUS_H_
#define KLARTEXT_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace klartext {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something that cannot be done (bad option, bad label)
  kNotFound,         // a file or item does not exist
  kIoError,          // reading or writing failed
  kCorrupt,          // input is malformed beyond what the format tolerates
  kLimitExceeded,    // input exceeded a resource cap (bytes, depth, nodes, time)
  kUnsupported,      // a valid input we do not handle (e.g. an unknown compression)
  kInternal,         // a bug in klartext
};

// Status: ok, or a code with a human-readable message that says what failed and where.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok_status() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "code: message", for logs and CLI error lines.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status invalid_argument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
inline Status limit_exceeded(std::string m) { return {StatusCode::kLimitExceeded, std::move(m)}; }
inline Status unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status internal_error(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

std::string_view status_code_name(StatusCode code);

// Result<T>: a value or a non-ok Status. Accessing value() of an error is a bug (asserts).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace klartext

#define KLARTEXT_RETURN_IF_ERROR(expr)             \
  do {                                             \
    ::klartext::Status status_macro_ = (expr);     \
    if (!status_macro_.ok()) return status_macro_; \
  } while (0)

#endif  // KLARTEXT_STATUS_H_
