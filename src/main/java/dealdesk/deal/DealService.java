package dealdesk.deal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deals: create, read, change; closing them (won, lost, cancelled, booking confirmed) is {@link DealClosing}'s
 * job, checking their fields {@link DealChecks}'s. Every stage change is recorded with who and when.
 */
public class DealService {
    private static final BigDecimal HUNDRED = DealChecks.HUNDRED;

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final UserService users;
    private final QuoteService quotes;
    private final DealClosedListener closedListener;
    private final Period closeDateHorizon;
    private final DealAdvisor advisor;
    private final DealChecks checks;
    private final DealClosing closing;

    /** {@code closedListener} hears about won and cancelled deals (the commission engine), in their transaction. */
    public DealService(Jdbi jdbi, ObjectMapper mapper, Clock clock, UserService users, QuoteService quotes,
                       DealClosedListener closedListener) {
        this(jdbi, mapper, clock, users, quotes, closedListener, DealAdvisor.NONE, Period.ofYears(5));
    }

    /** {@code advisor} gives new deals their default currency and every deal its flags (the pipeline feature). */
    public DealService(Jdbi jdbi, ObjectMapper mapper, Clock clock, UserService users, QuoteService quotes,
                       DealClosedListener closedListener, DealAdvisor advisor) {
        this(jdbi, mapper, clock, users, quotes, closedListener, advisor, Period.ofYears(5));
    }

    /** {@code closeDateHorizon}: how far after today a close date may be (none is before 2000-01-01). */
    public DealService(Jdbi jdbi, ObjectMapper mapper, Clock clock, UserService users, QuoteService quotes,
                       DealClosedListener closedListener, DealAdvisor advisor, Period closeDateHorizon) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
        this.users = users;
        this.quotes = quotes;
        this.closedListener = closedListener;
        this.advisor = advisor;
        this.closeDateHorizon = closeDateHorizon;
        this.checks = new DealChecks(clock, users, advisor, closeDateHorizon);
        this.closing = new DealClosing(jdbi, clock, users, quotes, closedListener, checks, this);
    }

    /** The same service on another clock: the demo seeds deals as if they moved over past weeks. */
    public DealService withClock(Clock otherClock) {
        return new DealService(jdbi, mapper, otherClock, users, quotes, closedListener, advisor, closeDateHorizon);
    }

    public Deal create(User caller, DealRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "a deal is required");
        }
        Validation v = new Validation();
        String owner = request.owner() == null ? caller.username() : request.owner();
        if (users.find(owner).isPresent() && !DealAccess.canEdit(caller, owner, users)) {
            throw ApiException.forbidden("you may not create deals for " + owner);
        }
        check(v, caller, request);
        v.throwIfInvalid(DealRequest.class);
        long id = DealImport.externalIdTakenMeanwhile(() -> jdbi.inTransaction(handle -> {
            if (request.externalId() != null
                    && handle.attach(DealDao.class).lockByExternalId(request.externalId().strip()).isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, "a deal with externalId " + request.externalId() + " exists",
                        List.of(new dealdesk.common.FieldError("externalId", "already imported")));
            }
            return insert(handle, caller, request);
        }));
        return load(id);
    }

    /** Checks a new deal; the owner must exist (the caller's right to create for them is checked before). */
    void check(Validation v, User caller, DealRequest request) {
        checks.check(v, caller, request);
    }

    /** Stores a checked new deal in the caller's transaction; returns its id. */
    long insert(Handle handle, User caller, DealRequest request) {
        String owner = request.owner() == null ? caller.username() : request.owner();
        DealStage stage = request.stage() == null ? DealStage.PROSPECTING : request.stage();
        Instant now = clock.instant();
        DealDao dao = handle.attach(DealDao.class);
        long newId = dao.insert(request.account().name().strip(), request.account().industry(), owner, stage,
                stage.probability(), request.expectedCloseDate(),
                request.type() == null ? DealType.NEW : request.type(), request.nextStep(),
                write(request.businessCase() == null ? BusinessCase.empty() : request.businessCase()), now);
        for (CreditSplit split : request.splits() == null ? List.of(new CreditSplit(owner, HUNDRED)) : request.splits()) {
            dao.insertSplit(newId, split.username(), split.percent());
        }
        dao.insertStageChange(newId, null, stage, caller.username(), now);
        String currency = request.currency() != null ? request.currency()
                : advisor.defaultCurrency(owner).getCurrencyCode();
        dao.updateForecast(newId, request.expectedAmount(), currency, request.forecastCategory(),
                request.externalId() == null ? null : request.externalId().strip());
        return newId;
    }

    public Deal get(User viewer, long id) {
        Deal deal = load(id);
        if (!DealAccess.canSee(viewer, deal.owner(), deal.splits(), users)) {
            throw ApiException.forbidden("you may not see deal " + id);
        }
        return deal;
    }

    public List<Deal> list(User viewer) {
        List<DealDao.DealRow> rows = jdbi.withExtension(DealDao.class, dao ->
                viewer.role() == Role.FINANCE || viewer.role() == Role.ADMIN ? dao.all() : dao.visibleTo(viewer.username()));
        return rows.stream().map(row -> load(row.id())).toList();
    }

    /** The deal's quotes, oldest first, for whoever may see the deal. */
    public List<Quote> quotes(User viewer, long id) {
        get(viewer, id);
        List<Long> ids = jdbi.withHandle(handle -> quotes.quotesOfDeal(handle, id));
        return ids.stream().map(quoteId -> quotes.get(viewer, quoteId)).toList();
    }

    /** The deal without an access check, for other features (commission, proposals). */
    public Deal load(long id) {
        return jdbi.withHandle(handle -> read(handle, id));
    }

    public Deal patch(User caller, long id, DealPatch patch) {
        if (patch == null) {
            throw ApiException.invalid("body", "the fields to change are required");
        }
        Validation v = new Validation();
        check(v, patch);
        v.throwIfInvalid(DealPatch.class);
        jdbi.useTransaction(handle -> apply(handle, caller, lockForChange(handle, caller, id, patch.version()), patch));
        return load(id);
    }

    /** Checks the fields a patch gives. */
    void check(Validation v, DealPatch patch) {
        checks.check(v, patch);
    }


    /** Applies a checked patch to a deal locked in the caller's transaction. */
    void apply(Handle handle, User caller, Deal deal, DealPatch patch) {
        long id = deal.id();
        if (!deal.stage().open()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "deal " + id + " is " + deal.stage() + " and cannot change");
        }
        if (patch.primaryQuoteId() != null) {
            boolean ofThisDeal = quotes.quotesOfDeal(handle, id).contains(patch.primaryQuoteId());
            if (!ofThisDeal) {
                throw ApiException.invalid("primaryQuoteId", "quote " + patch.primaryQuoteId() + " is not a quote of deal " + id);
            }
        }
        String currency = patch.currency() != null ? patch.currency() : deal.currency().getCurrencyCode();
        BigDecimal amount = patch.expectedAmount() != null ? patch.expectedAmount()
                : deal.expectedAmount() == null ? null : deal.expectedAmount().amount();
        Validation v = new Validation();
        DealChecks.decimals(v, amount, currency);
        v.throwIfInvalid();
        Account account = patch.account() == null ? deal.account() : patch.account();
        DealStage stage = patch.stage() == null ? deal.stage() : patch.stage();
        LocalDate expectedClose = patch.expectedCloseDate() == null ? deal.expectedCloseDate() : patch.expectedCloseDate();
        DealDao dao = handle.attach(DealDao.class);
        dao.update(id, account.name().strip(), account.industry(), stage, stage.probability(), expectedClose,
                deal.closedOn(), patch.type() == null ? deal.type() : patch.type(),
                patch.nextStep() == null ? deal.nextStep() : patch.nextStep(),
                write(patch.businessCase() == null ? deal.businessCase() : patch.businessCase()),
                patch.primaryQuoteId() == null ? deal.primaryQuoteId() : patch.primaryQuoteId(), clock.instant());
        // a stage change brings the new stage's forecast category unless the rep sets one with it
        ForecastCategory category = patch.forecastCategory() != null ? patch.forecastCategory()
                : stage != deal.stage() ? null : dao.find(id).map(DealDao.DealRow::forecastCategory).orElse(null);
        dao.updateForecast(id, amount, currency, category, deal.externalId());
        if (patch.splits() != null) {
            dao.deleteSplits(id);
            for (CreditSplit split : patch.splits()) {
                dao.insertSplit(id, split.username(), split.percent());
            }
        }
        if (stage != deal.stage()) {
            dao.insertStageChange(id, deal.stage(), stage, caller.username(), clock.instant());
        }
        if (!expectedClose.equals(deal.expectedCloseDate())) {
            dao.insertCloseDateChange(id, deal.expectedCloseDate(), expectedClose, caller.username(), clock.instant());
        }
    }

    /** The body of close-won: the day it closed (default today). */
    public record CloseRequest(LocalDate closeDate, String reason) {
    }

    /** Closes the deal won with its primary quote and books it (see {@link DealClosing}). */
    public Deal closeWon(User caller, long id, CloseRequest request) {
        closing.closeWon(caller, id, request);
        return load(id);
    }

    public Deal closeLost(User caller, long id, CloseRequest request) {
        closing.closeLost(caller, id, request);
        return load(id);
    }

    /** Cancels a won deal (the customer backed out); commission may claw back. */
    public Deal cancel(User caller, long id) {
        closing.cancel(caller, id);
        return load(id);
    }

    /** Confirms the booking of a deal its own rep closed won (her manager, finance or an admin). */
    public Deal confirmBooking(User caller, long id) {
        closing.confirmBooking(caller, id);
        return load(id);
    }



    Deal lockForChange(Handle handle, User caller, long id, Integer version) {
        handle.attach(DealDao.class).lock(id).orElseThrow(() -> ApiException.notFound("deal", id));
        Deal deal = read(handle, id);
        if (!DealAccess.canEdit(caller, deal.owner(), users)) {
            throw ApiException.forbidden("you may not change deal " + id);
        }
        if (version != null && version != deal.version()) {
            throw new ApiException(ErrorCode.STALE_VERSION, "deal " + id + " is at version " + deal.version()
                    + ", not " + version + ": reload and try again");
        }
        return deal;
    }

    Deal read(Handle handle, long id) {
        DealDao dao = handle.attach(DealDao.class);
        DealDao.DealRow row = dao.find(id).orElseThrow(() -> ApiException.notFound("deal", id));
        Currency currency = row.currency() == null ? advisor.defaultCurrency(row.owner())
                : Currency.getInstance(row.currency().strip());
        ForecastCategory category = !row.stage().open() || row.forecastCategory() == null
                ? ForecastCategory.of(row.stage()) : row.forecastCategory();
        Deal deal = new Deal(row.id(), new Account(row.accountName(), row.accountIndustry()), row.owner(), dao.splits(id),
                row.stage(), row.probability(), row.expectedClose(), row.closedOn(), row.type(), row.nextStep(),
                readCase(row.businessCase()), row.primaryQuoteId(), row.version(), dao.history(id),
                row.expectedAmount() == null ? null : Money.of(row.expectedAmount(), currency).rounded(), currency,
                category, row.externalId(), dao.closeDateHistory(id), List.of());
        return deal.withFlags(advisor.flags(deal));
    }


    String write(BusinessCase businessCase) {
        try {
            return mapper.writeValueAsString(businessCase);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BusinessCase readCase(String json) {
        try {
            return json == null ? BusinessCase.empty() : mapper.readValue(json, BusinessCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored business case is not readable", e);
        }
    }
}