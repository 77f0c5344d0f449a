-- Drives the Protokoll language server from Neovim's built-in LSP client (Neovim 0.7, headless)
-- and prints what a user of that editor would get, one fact per line, for test/nvim/nvim.test.ts.
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp.lua' FILE
--
-- Env:
--   PROTOKOLL_SERVER      the server script (default: dist/server.js under the current directory)
--   PROTOKOLL_NODE        the node binary (default: node)
--   PROTOKOLL_LINE        if set, ask for completion at this 0-based line ...
--   PROTOKOLL_CHAR        ... and 0-based UTF-16 character (default: the end of that line)
--   PROTOKOLL_TIMEOUT_MS  how long to wait for each answer (default 10000)
--
-- Output (stdout):
--   DIAG <line>:<col> sev=<1..4> code=<code> msg=<message>   line 1-based, col 1-based bytes
--   DIAGS <n>                                                 after the first publish for the file
--   COMPLETION <label>                                        one per item
--   COMPLETIONS <n>
--   OK                                                        everything answered; exit 0
--   FAIL: <why>                                               exit 1

local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg)
  out('FAIL: ' .. msg)
  io.stdout:flush()
  vim.cmd('cquit 1')
end
local function oneline(s) return (tostring(s or ''):gsub('\r?\n', ' | ')) end

local timeout = tonumber(os.getenv('PROTOKOLL_TIMEOUT_MS') or '') or 10000
local server = os.getenv('PROTOKOLL_SERVER') or (vim.fn.getcwd() .. '/dist/server.js')
if vim.fn.filereadable(server) == 0 then return fail('server not found: ' .. server .. ' (npm run build)') end

local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
vim.bo[buf].filetype = 'protokoll'

local published = false
local exited = nil
local client_id = vim.lsp.start_client({
  name = 'protokoll',
  cmd = { os.getenv('PROTOKOLL_NODE') or 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result and result.uri == uri then published = true end
    end,
  },
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not client_id then return fail('vim.lsp.start_client returned nil') end
vim.lsp.buf_attach_client(buf, client_id)

local function died()
  return exited and string.format('server exited early (code %s, signal %s)', exited.code, exited.signal)
end

-- Diagnostics: the first publish for this file (it may be empty: that is an answer too).
local ok = vim.wait(timeout, function() return published or exited ~= nil end, 20)
if died() then return fail(died()) end
if not ok then return fail('no diagnostics published within ' .. timeout .. ' ms') end
local diags = vim.diagnostic.get(buf)
table.sort(diags, function(a, b)
  if a.lnum ~= b.lnum then return a.lnum < b.lnum end
  return a.col < b.col
end)
for _, d in ipairs(diags) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  out(string.format('DIAG %d:%d sev=%d code=%s msg=%s', d.lnum + 1, d.col + 1, d.severity, tostring(code), oneline(d.message)))
end
out('DIAGS ' .. #diags)

-- Completion, if asked for.
local line = tonumber(os.getenv('PROTOKOLL_LINE') or '')
if line then
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1] or ''
  local _, utf16_len = vim.str_utfindex(text)
  local character = tonumber(os.getenv('PROTOKOLL_CHAR') or '') or utf16_len
  local params = { textDocument = { uri = uri }, position = { line = line, character = character } }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, timeout)
  if died() then return fail(died()) end
  if not responses then return fail('completion: ' .. tostring(err)) end
  local n = 0
  for _, response in pairs(responses) do
    if response.err then return fail('completion error: ' .. oneline(response.err.message)) end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      n = n + 1
      out('COMPLETION ' .. oneline(item.label))
    end
  end
  out('COMPLETIONS ' .. n)
end

-- Shut the server down properly, so no node process outlives the editor.
vim.lsp.stop_client(client_id)
if not vim.wait(5000, function() return exited ~= nil end, 20) then
  vim.lsp.stop_client(client_id, true)
end
out('OK')
io.stdout:flush()
vim.cmd('qall!')
