// Internal to the loader: a YAML syntax error in words a user understands.
// yaml_reader.cpp (the only yaml-cpp user) names which error the parser
// raised and where; this file looks at the lines around it and says what is
// wrong and what to do (for a config file and a manifest alike).
#pragma once

#include <cstddef>
#include <string>

#include "manifest/loader.h"

namespace amlint::detail {

// The parse errors yaml-cpp raises, by what they mean (its ErrorMsg texts).
enum class YamlError {
  kEndOfMap,       // "end of map not found": a line that does not fit its block mapping
  kEndOfSeq,       // "end of sequence not found"
  kEndOfFlowMap,   // "end of map flow not found"
  kEndOfFlowSeq,   // "end of sequence flow not found"
  kMapValue,       // "illegal map value": a ':' where no key can start
  kMapKey,         // "illegal map key": a '?' where no key can start
  kBlockEntry,     // "illegal block entry": a '- ' where no item can start
  kFlowEnd,        // "illegal flow end": a ']' or '}' that closes nothing
  kUnknownToken,   // a character that cannot start anything ('@', '`')
  kTab,            // a tab in indentation
  kEofInScalar,    // the text ends inside a quoted scalar
  kDocInScalar,    // '---' or '...' inside a quoted scalar
  kCharInScalar,   // a character a scalar cannot hold
  kEscape,         // an unknown '\' escape in a double-quoted scalar
  kHexEscape,      // a \x, \u or \U escape without its hex digits
  kUnicodeEscape,  // an escape that names no Unicode character
  kAnchorName,     // '&' without a name, or a bad character in it
  kAliasName,      // '*' without a name, or a bad character in it
  kTwoAnchors,     // two anchors on one node
  kTwoTags,        // two tags on one node
  kAliasContent,   // an alias with a tag, an anchor or more text
  kUnknownAnchor,  // an alias of an anchor not defined before it
  kBlockHeader,    // a bad header after '|' or '>'
  kTag,            // a malformed tag ('!...')
  kDirective,      // a malformed %YAML or %TAG directive
  kDeepRecursion,  // nesting deeper than the parser allows
  kOther,          // any other: yaml-cpp's message is given as it is
};

struct YamlParseError {
  YamlError kind = YamlError::kOther;
  std::size_t pos = 0;  // where the parser stopped, in the whole text
  std::string message;  // the parser's message (without a final period)
};

// The problem to report for a parse error of the YAML that starts at byte
// `start` of `source`: its position and a message that says what to do.
Problem explain_yaml_error(const SourceFile& source, std::size_t start, const YamlParseError& e);

// "this '[' is never closed", at the bracket.
Problem never_closed(std::string_view text, std::size_t bracket);

}  // namespace amlint::detail
