-- Connectors: which exchange member answers a service (social-insurance.contributions) for a city, and which member served here asks it.
CREATE TABLE "exchange_services" (
	"city_code" text NOT NULL,
	"service" text NOT NULL,
	"client" text NOT NULL REFERENCES "exchange_members"("code"),
	"provider" text NOT NULL REFERENCES "exchange_members"("code"),
	CONSTRAINT "exchange_services_pkey" PRIMARY KEY("city_code","service")
);
