package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.FieldError;
import dealdesk.deal.Account;
import dealdesk.deal.BusinessCase;
import dealdesk.deal.Deal;
import dealdesk.deal.DealPatch;
import dealdesk.deal.DealRequest;
import dealdesk.deal.DealService;
import dealdesk.deal.DealStage;
import dealdesk.deal.DealType;
import dealdesk.quote.Quote;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /deals}: my deals (a manager's: the team's), and a form to create or edit one with its business case. */
@Path("/deals")
@Produces(MediaType.TEXT_HTML)
public class DealsPage {
    private final Session session;
    private final DealService deals;

    public DealsPage(UserService users, DealService deals) {
        this.session = new Session(users);
        this.deals = deals;
    }

    /** The form as posted: text, so that a wrong value is shown back exactly as typed. */
    public static class Form {
        @FormParam("version") public String version;
        @FormParam("accountName") public String accountName;
        @FormParam("industry") public String industry;
        @FormParam("stage") public String stage;
        @FormParam("type") public String type;
        @FormParam("expectedCloseDate") public String expectedCloseDate;
        @FormParam("nextStep") public String nextStep;
        @FormParam("problem") public String problem;
        @FormParam("rootCause") public String rootCause;
        @FormParam("compellingEvent") public String compellingEvent;
        @FormParam("budgetConfirmed") public String budgetConfirmed;
        @FormParam("decisionMakerEngaged") public String decisionMakerEngaged;
        @FormParam(Csrf.FIELD) public String csrf;

        static Form blank(LocalDate today) {
            Form form = new Form();
            form.stage = DealStage.PROSPECTING.name();
            form.type = DealType.NEW.name();
            form.expectedCloseDate = today.plusDays(60).toString();
            return form;
        }

        static Form of(Deal deal) {
            Form form = new Form();
            form.version = Integer.toString(deal.version());
            form.accountName = deal.account().name();
            form.industry = deal.account().industry();
            form.stage = deal.stage().name();
            form.type = deal.type().name();
            form.expectedCloseDate = deal.expectedCloseDate() == null ? "" : deal.expectedCloseDate().toString();
            form.nextStep = deal.nextStep();
            BusinessCase business = deal.businessCase() == null ? BusinessCase.empty() : deal.businessCase();
            form.problem = business.problem();
            form.rootCause = business.rootCause();
            form.compellingEvent = business.compellingEvent();
            form.budgetConfirmed = Boolean.TRUE.equals(business.budgetConfirmed()) ? "on" : null;
            form.decisionMakerEngaged = Boolean.TRUE.equals(business.decisionMakerEngaged()) ? "on" : null;
            return form;
        }

        /** The values the template shows (never null). */
        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("accountName", text(accountName));
            values.put("industry", text(industry));
            values.put("stage", text(stage));
            values.put("type", text(type));
            values.put("expectedCloseDate", text(expectedCloseDate));
            values.put("nextStep", text(nextStep));
            values.put("problem", text(problem));
            values.put("rootCause", text(rootCause));
            values.put("compellingEvent", text(compellingEvent));
            values.put("budgetConfirmed", budgetConfirmed == null ? "" : "on");
            values.put("decisionMakerEngaged", decisionMakerEngaged == null ? "" : "on");
            values.put("version", text(version));
            return values;
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** Parses what the service cannot (enums and the date), naming the field; the service checks the rest. */
        Parsed parse() {
            List<FieldError> errors = new java.util.ArrayList<>();
            DealStage parsedStage = choice(DealStage.class, stage, "stage", errors);
            DealType parsedType = choice(DealType.class, type, "type", errors);
            LocalDate close = null;
            if (blankToNull(expectedCloseDate) != null) {
                try {
                    close = LocalDate.parse(expectedCloseDate.strip());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("expectedCloseDate", "Give a date like 2026-12-15."));
                }
            }
            Account account = new Account(accountName == null ? null : accountName.strip(), blankToNull(industry) == null
                    ? null : industry.strip().toUpperCase(java.util.Locale.ROOT));
            BusinessCase business = new BusinessCase(blankToNull(problem), blankToNull(rootCause),
                    budgetConfirmed != null, decisionMakerEngaged != null, blankToNull(compellingEvent));
            Integer readVersion = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
            return new Parsed(account, parsedStage, parsedType, close, blankToNull(nextStep), business, readVersion, errors);
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String value, String path, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path, "Choose one of the list."));
                return null;
            }
        }
    }

    record Parsed(Account account, DealStage stage, DealType type, LocalDate close, String nextStep,
                  BusinessCase businessCase, Integer version, List<FieldError> errors) {
    }

    @GET
    public Response list(@CookieParam(SessionCookie.NAME) String token) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/deals");
        }
        List<DealListView.Row> rows = deals.list(user.get()).stream()
                .sorted(Comparator.comparing((Deal deal) -> !deal.stage().open())
                        .thenComparing(deal -> deal.expectedCloseDate() == null ? LocalDate.MAX : deal.expectedCloseDate()))
                .map(deal -> new DealListView.Row(Long.toString(deal.id()), deal.account().name(),
                        deal.account().industry() == null ? "" : Format.words(deal.account().industry()), deal.owner(),
                        deal.stage().name(), Format.words(deal.stage().name()), deal.stage().open(),
                        deal.expectedCloseDate() == null ? "" : deal.expectedCloseDate().toString(),
                        DealAmounts.expected(deal),
                        deal.primaryQuoteId() == null ? "" : deal.primaryQuoteId().toString()))
                .toList();
        return PageResource.page(200, new DealListView(user.get(), rows));
    }

    @GET
    @Path("new")
    public Response newDeal(@CookieParam(SessionCookie.NAME) String token) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/deals/new");
        }
        return PageResource.page(200, new DealFormView(user.get(), null, Form.blank(LocalDate.now()), Map.of(), "",
                List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@CookieParam(SessionCookie.NAME) String token, @BeanParam Form form,
                           @CookieParam(Csrf.COOKIE) String cookieToken, @Context HttpHeaders headers) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/deals/new");
        }
        if (!Csrf.accepts(headers, cookieToken, form.csrf)) {
            return PageResource.page(403, new DealFormView(user.get(), null, form, Map.of(),
                    "Your page had expired: nothing was saved. Save again.", List.of()));
        }
        Parsed parsed = form.parse();
        try {
            if (!parsed.errors().isEmpty()) {
                throw ApiException.invalid(parsed.errors());
            }
            Deal deal = deals.create(user.get(), new DealRequest(parsed.account(), null, null, parsed.stage(),
                    parsed.close(), parsed.type(), parsed.nextStep(), parsed.businessCase()));
            return Session.redirect("/deals/" + deal.id() + "?saved=1");
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), new DealFormView(user.get(), null, form, errors(e),
                    "Not saved: " + e.getMessage(), List.of()));
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public Response edit(@CookieParam(SessionCookie.NAME) String token, @PathParam("id") long id,
                         @jakarta.ws.rs.QueryParam("saved") String saved) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/deals/" + id);
        }
        try {
            Deal deal = deals.get(user.get(), id);
            DealFormView view = new DealFormView(user.get(), deal, Form.of(deal), Map.of(), "", quotesOf(user.get(), id));
            view.saved = saved != null;
            return PageResource.page(200, view);
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), new ErrorView(user.get(), e.code().status(), e.getMessage()));
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@CookieParam(SessionCookie.NAME) String token, @PathParam("id") long id,
                           @BeanParam Form form, @CookieParam(Csrf.COOKIE) String cookieToken,
                           @Context HttpHeaders headers) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/deals/" + id);
        }
        Deal deal;
        try {
            deal = deals.get(user.get(), id);
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), new ErrorView(user.get(), e.code().status(), e.getMessage()));
        }
        if (!Csrf.accepts(headers, cookieToken, form.csrf)) {
            return PageResource.page(403, new DealFormView(user.get(), deal, form, Map.of(),
                    "Your page had expired: nothing was saved. Save again.", quotesOf(user.get(), id)));
        }
        Parsed parsed = form.parse();
        try {
            if (!parsed.errors().isEmpty()) {
                throw ApiException.invalid(parsed.errors());
            }
            deals.patch(user.get(), id, new DealPatch(parsed.version(), parsed.account(), null, parsed.stage(),
                    parsed.close(), parsed.type(), parsed.nextStep() == null ? "" : parsed.nextStep(),
                    parsed.businessCase(), null));
            return Session.redirect("/deals/" + id + "?saved=1");
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), new DealFormView(user.get(), deal, form, errors(e),
                    "Not saved: " + e.getMessage(), quotesOf(user.get(), id)));
        }
    }

    private List<DealFormView.QuoteRow> quotesOf(User viewer, long dealId) {
        return deals.quotes(viewer, dealId).stream()
                .sorted(Comparator.comparing(Quote::id).reversed())
                .map(quote -> new DealFormView.QuoteRow(Long.toString(quote.id()), Integer.toString(quote.version()),
                        quote.status().name(), Format.words(quote.status().name()),
                        Format.money(quote.priced().totals().tcv().amount(), quote.priced().currency())))
                .toList();
    }

    /** The service's field paths ("account.name", "businessCase.problem") as the form's field names. */
    private static Map<String, String> errors(ApiException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.details()) {
            String path = error.path() == null ? "" : error.path();
            String field = switch (path) {
                case "account.name", "account" -> "accountName";
                case "account.industry" -> "industry";
                default -> path.startsWith("businessCase.") ? path.substring("businessCase.".length()) : path;
            };
            byField.putIfAbsent(field, error.message());
        }
        return byField;
    }
}
