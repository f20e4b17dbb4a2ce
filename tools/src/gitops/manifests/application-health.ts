/**
 * The health check Argo CD runs for `argoproj.io/Application` objects, so that a parent Application
 * (root, layer) waits for its child Applications wave by wave.
 *
 * Argo CD 1.8 dropped its built-in health assessment of Applications (docs
 * `operator-manual/upgrading/1.7-1.8.md`); without one a parent counts a child as done the moment
 * it is applied. The check that document suggests only copies `status.health`, which says nothing
 * about whether the child has caught up with what the parent just applied: an Application that is
 * OutOfSync at a new revision, mid-sync, whose sync failed or that cannot even be rendered
 * (ComparisonError) still reads Healthy there. In the parent's sync, a child task only completes on
 * Healthy and fails on Degraded; every other status keeps its wave waiting (gitops-engine
 * `pkg/sync/sync_context.go`, the health switch of running tasks). So this check answers Healthy
 * only when the child is Synced and Healthy at the sources the parent gave it, with no operation in
 * flight, Degraded when the child cannot get there without a change, and Progressing otherwise.
 *
 * The script runs in Argo CD's gopher-lua (Lua 5.1) with only the base, table, package and a safe
 * os library (argocd-cm scripts run without `useOpenLibs`: `util/lua/lua.go`), so it uses no
 * `string.*` function and no method call on a string, and nothing newer than Lua 5.1 (no `goto`,
 * no integer division, no bitwise operators, no `table.unpack`). Timestamps are RFC 3339 in UTC
 * with second precision (`metav1.Time`), so they compare as strings.
 */
export const APPLICATION_HEALTH_LUA = `local hs = { status = "Progressing", message = "" }

-- Go's omitempty drops "", false, 0 and empty lists and maps, so a field may be written out on one
-- side and absent on the other while Argo CD sees equal values.
local function isEmpty(value)
  if value == nil or value == "" or value == false or value == 0 then
    return true
  end
  return type(value) == "table" and next(value) == nil
end

local function same(a, b)
  if isEmpty(a) and isEmpty(b) then
    return true
  end
  if type(a) == "table" and b == nil then
    b = {}
  elseif type(b) == "table" and a == nil then
    a = {}
  end
  if type(a) ~= type(b) then
    return false
  end
  if type(a) ~= "table" then
    return a == b
  end
  for key, value in pairs(a) do
    if not same(value, b[key]) then
      return false
    end
  end
  for key, value in pairs(b) do
    if a[key] == nil and not same(nil, value) then
      return false
    end
  end
  return true
end

-- The revisions of a sync status or a sync result: one per source (multi-source), else the one.
local function revisionsOf(holder)
  if holder == nil then
    return nil
  end
  if not isEmpty(holder.revisions) then
    return holder.revisions
  end
  if not isEmpty(holder.revision) then
    return { holder.revision }
  end
  return nil
end

local function describe(revisions)
  if revisions == nil then
    return "no revision yet"
  end
  return "revisions " .. table.concat(revisions, ", ")
end

local function firstCondition(conditions, types)
  if conditions == nil then
    return nil
  end
  for _, condition in ipairs(conditions) do
    if types[condition.type] then
      return condition
    end
  end
  return nil
end

local function result(status, message)
  hs.status = status
  hs.message = message
  return hs
end

local status = obj.status
if status == nil or status.sync == nil or isEmpty(status.sync.status) then
  return result("Progressing", "Waiting for Argo CD to compare the Application for the first time")
end

-- Found while validating the spec against its project; Argo CD then stops reconciling and leaves
-- status.sync.comparedTo as it was, so these count before the comparison is checked for staleness.
local specError = firstCondition(status.conditions, { InvalidSpecError = true, UnknownError = true })
if specError ~= nil then
  return result("Degraded", specError.type .. ": " .. (specError.message or ""))
end

local spec = obj.spec or {}
local comparedTo = status.sync.comparedTo or {}
local sourcesCompared
if not isEmpty(spec.sources) then
  sourcesCompared = same(spec.sources, comparedTo.sources)
else
  sourcesCompared = same(spec.source, comparedTo.source)
end
if not sourcesCompared or not same(spec.destination, comparedTo.destination) then
  return result("Progressing", "Waiting for Argo CD to compare the Application with its new sources or destination")
end

local current = revisionsOf(status.sync)
local failure = firstCondition(status.conditions, { ComparisonError = true, SyncError = true, DeletionError = true })
if failure ~= nil then
  return result("Degraded", failure.type .. ": " .. (failure.message or ""))
end

local operation = status.operationState
if obj.operation ~= nil then
  return result("Progressing", "A sync operation is requested")
end
if operation ~= nil and (operation.phase == "Running" or operation.phase == "Terminating") then
  return result("Progressing", "Sync operation " .. operation.phase .. ": " .. (operation.message or ""))
end
if operation ~= nil and (operation.phase == "Failed" or operation.phase == "Error") then
  local attempted = revisionsOf(operation.syncResult)
  -- A failed sync of other revisions no longer matters once the child is Synced at its current ones
  -- (Argo CD's auto-sync likewise only holds back for a failed attempt at the same revisions).
  local superseded = status.sync.status == "Synced" and attempted ~= nil and current ~= nil and not same(attempted, current)
  if not superseded then
    return result("Degraded", "Sync " .. operation.phase .. " at " .. describe(attempted) .. ": " .. (operation.message or ""))
  end
end
if operation ~= nil and operation.finishedAt ~= nil and (status.reconciledAt == nil or status.reconciledAt < operation.finishedAt) then
  return result("Progressing", "Waiting for Argo CD to compare the Application after its sync")
end

if status.sync.status ~= "Synced" then
  return result("Progressing", status.sync.status .. " at " .. describe(current) .. ": waiting for a sync")
end

local health = status.health and status.health.status
if health == "Healthy" then
  return result("Healthy", "Synced and Healthy at " .. describe(current))
end
if health == "Degraded" or health == "Suspended" then
  return result(health, "Synced at " .. describe(current) .. ", " .. health)
end
return result("Progressing", "Synced at " .. describe(current) .. ", health " .. (health or "not assessed yet"))
`;

export const APPLICATION_HEALTH_KEY = "resource.customizations.health.argoproj.io_Application";
